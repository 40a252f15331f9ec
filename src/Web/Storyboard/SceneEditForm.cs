using System.ComponentModel.DataAnnotations;
using System.Globalization;
using VideoGen.Grains.Domain;

namespace VideoGen.Web.Storyboard;

/// <summary>
/// The inspector's auto-saved fields as a form posts them: a field left out of the post is
/// left alone; there is no field for dirty flags. Values are read as text and checked here, so a
/// value that does not parse is refused by name rather than dropped by model binding. A field
/// posted empty stays empty (not null, which would leave it alone): cleared narration is refused,
/// a cleared prompt is saved, a cleared seed means a random one.
/// </summary>
public sealed class SceneEditForm
{
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Text { get; set; }
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? ImagePrompt { get; set; }
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? VideoPrompt { get; set; }
    public string? CameraMovement { get; set; }
    public string? MotionStrength { get; set; }
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Seed { get; set; }

    public Outcome<SentenceEdit> ToEdit()
    {
        var errors = new List<ValidationError>();
        if (Text is not null && SentenceRules.CheckText(Text) is { } textProblem) errors.Add(new("text", textProblem));
        if (ImagePrompt is not null && SentenceRules.CheckPrompt(ImagePrompt) is { } imageProblem) errors.Add(new("imagePrompt", imageProblem));
        if (VideoPrompt is not null && SentenceRules.CheckPrompt(VideoPrompt) is { } videoProblem) errors.Add(new("videoPrompt", videoProblem));
        double? strength = null;
        if (MotionStrength is not null)
        {
            // A range input posts the invariant form ("0.35") whatever the browser's language.
            if (!double.TryParse(MotionStrength, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                errors.Add(new("motionStrength", $"Motion strength must be a number, not '{MotionStrength}'."));
            else if (SentenceRules.CheckMotionStrength(value) is { } strengthProblem) errors.Add(new("motionStrength", strengthProblem));
            else strength = value;
        }
        CameraMovement? movement = null;
        if (CameraMovement is not null)
        {
            movement = CameraMovementNames.Parse(CameraMovement);
            if (movement is null) errors.Add(new("cameraMovement", CameraMovementNames.Unknown($"'{CameraMovement}'")));
        }
        long? seed = null;
        var seedSet = Seed is not null;
        if (!string.IsNullOrWhiteSpace(Seed))
        {
            if (long.TryParse(Seed.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)) seed = value;
            else errors.Add(new("seed", "The seed must be a whole number of 0 or more; leave it empty for a random seed."));
        }
        return errors.Count > 0
            ? Outcome<SentenceEdit>.Failure(errors)
            : Outcome<SentenceEdit>.Success(new SentenceEdit
            {
                Text = Text, ImagePrompt = ImagePrompt, VideoPrompt = VideoPrompt, CameraMovement = movement,
                MotionStrength = strength, Seed = seed, SeedSet = seedSet,
            });
    }
}
