using VideoGen.Grains.Domain;

namespace VideoGen.Web.Storyboard;

/// <summary>
/// The inspector's auto-saved fields as a form posts them: a field left out of the post is
/// left alone; there is no field for dirty flags.
/// </summary>
public sealed class SceneEditForm
{
    public string? Text { get; set; }
    public string? ImagePrompt { get; set; }
    public string? VideoPrompt { get; set; }
    public string? CameraMovement { get; set; }
    public double? MotionStrength { get; set; }
    public string? Seed { get; set; }

    public Outcome<SentenceEdit> ToEdit()
    {
        var errors = new List<ValidationError>();
        if (Text is not null && SentenceRules.CheckText(Text) is { } textProblem) errors.Add(new("text", textProblem));
        if (ImagePrompt is not null && SentenceRules.CheckPrompt(ImagePrompt) is { } imageProblem) errors.Add(new("imagePrompt", imageProblem));
        if (VideoPrompt is not null && SentenceRules.CheckPrompt(VideoPrompt) is { } videoProblem) errors.Add(new("videoPrompt", videoProblem));
        if (MotionStrength is { } strength && SentenceRules.CheckMotionStrength(strength) is { } strengthProblem) errors.Add(new("motionStrength", strengthProblem));
        CameraMovement? movement = null;
        if (CameraMovement is not null)
        {
            if (Enum.TryParse<CameraMovement>(CameraMovement, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) movement = parsed;
            else errors.Add(new("cameraMovement", $"Unknown camera movement '{CameraMovement}'."));
        }
        long? seed = null;
        var seedSet = Seed is not null;
        if (!string.IsNullOrWhiteSpace(Seed))
        {
            if (long.TryParse(Seed, out var value) && value >= 0) seed = value;
            else errors.Add(new("seed", "The seed must be a whole number of 0 or more; leave it empty for a random seed."));
        }
        return errors.Count > 0
            ? Outcome<SentenceEdit>.Failure(errors)
            : Outcome<SentenceEdit>.Success(new SentenceEdit
            {
                Text = Text, ImagePrompt = ImagePrompt, VideoPrompt = VideoPrompt, CameraMovement = movement,
                MotionStrength = MotionStrength, Seed = seed, SeedSet = seedSet,
            });
    }
}
