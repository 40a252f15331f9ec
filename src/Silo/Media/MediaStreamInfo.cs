namespace VideoGen.Silo.Media;

/// <summary>One stream of a media file, as ffprobe describes it.</summary>
/// <param name="Index">The stream's index in the file.</param>
/// <param name="CodecType"><c>video</c>, <c>audio</c>, <c>subtitle</c>, …</param>
/// <param name="CodecName">e.g. <c>h264</c>, <c>png</c>, <c>pcm_s16le</c>.</param>
/// <param name="Width">Picture width in pixels (video).</param>
/// <param name="Height">Picture height in pixels (video).</param>
/// <param name="FrameRate">Frames per second (video), from the average rate when ffprobe knows it.</param>
/// <param name="PixelFormat">e.g. <c>yuv420p</c> (video).</param>
/// <param name="DurationSeconds">The stream's own duration, when the container records one.</param>
/// <param name="FrameCount">The number of frames, when the container records it.</param>
public sealed record MediaStreamInfo(
    int Index,
    string CodecType,
    string? CodecName,
    int? Width,
    int? Height,
    double? FrameRate,
    string? PixelFormat,
    double? DurationSeconds,
    long? FrameCount);
