using VideoGen.Grains.Domain;
using VideoGen.Web.Media;

namespace VideoGen.Web.Api;

/// <summary>A sentence (scene) as the API shows it; dirty flags and statuses are the server's word.</summary>
public sealed record SentenceResponse(
    Guid Id, Guid SectionId, int Index, string Text, string ImagePrompt, string VideoPrompt,
    CameraMovement CameraMovement, double MotionStrength, long? Seed,
    string? ImageUrl, string? VideoUrl, string? AudioUrl, double? AudioDuration,
    bool IsImageDirty, bool IsVideoDirty, bool IsAudioDirty,
    AssetStatus ImageStatus, AssetStatus VideoStatus, AssetStatus AudioStatus,
    string? LastError, DateTimeOffset UpdatedAt, long? ImageSeed, Guid? ImageTakeId, Guid? VideoTakeId, Guid? AudioTakeId)
{
    public static SentenceResponse From(Sentence s) => new(
        s.Id, s.SectionId, s.Index, s.Text, s.ImagePrompt, s.VideoPrompt, s.CameraMovement, s.MotionStrength, s.Seed,
        MediaUrls.For(s.ImageFile), MediaUrls.For(s.VideoFile), MediaUrls.For(s.AudioFile), s.AudioDuration,
        s.IsImageDirty, s.IsVideoDirty, s.IsAudioDirty, s.ImageStatus, s.VideoStatus, s.AudioStatus, s.LastError, s.UpdatedAt,
        s.ImageSeed, s.ImageTakeId, s.VideoTakeId, s.AudioTakeId);
}
