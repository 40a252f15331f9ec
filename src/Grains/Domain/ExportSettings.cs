namespace VideoGen.Grains.Domain;

/// <summary>
/// What a creator asks of a final cut: burned-in subtitles or not, cuts or crossfades, and the
/// frame rate. The picture is always 1080 lines in the project's frame shape.
/// </summary>
[GenerateSerializer, Alias("VideoGen.ExportSettings")]
public sealed record ExportSettings(bool Subtitles, ExportTransition Transitions, int FramesPerSecond)
{
    /// <summary>The short side of every export, in pixels.</summary>
    public const int Lines = 1080;

    /// <summary>The frame rates an export may have.</summary>
    public static readonly IReadOnlyList<int> FrameRates = [24, 30];

    private const string TransitionsHelp = "Choose \"cut\" or \"crossfade\" for transitions.";

    /// <summary>Why these settings cannot be used, or null.</summary>
    public string? Problem() =>
        !Enum.IsDefined(Transitions) ? TransitionsHelp
        : !FrameRates.Contains(FramesPerSecond) ? FrameRateHelp(FramesPerSecond)
        : null;

    /// <summary>
    /// A creator's choices as a form or the API sends them: <paramref name="transitions"/> as text
    /// (a cut when empty), the frame rate; each wrong value is an error naming its field.
    /// </summary>
    public static Outcome<ExportSettings> Read(bool subtitles, string? transitions, int framesPerSecond)
    {
        var errors = new List<ValidationError>();
        var transition = string.IsNullOrEmpty(transitions) ? ExportTransition.Cut : ParseTransition(transitions);
        if (transition is null) errors.Add(new ValidationError("transitions", TransitionsHelp));
        if (!FrameRates.Contains(framesPerSecond)) errors.Add(new ValidationError("fps", FrameRateHelp(framesPerSecond)));
        return errors.Count > 0 ? Outcome<ExportSettings>.Failure(errors) : Outcome<ExportSettings>.Success(new(subtitles, transition!.Value, framesPerSecond));
    }

    private static string FrameRateHelp(int framesPerSecond) => $"An export runs at 24 or 30 frames per second (got {framesPerSecond}).";

    /// <summary>The picture size of the export of a project with <paramref name="ratio"/>: 1920×1080, 1080×1920 or 1080×1080.</summary>
    public static (int Width, int Height) FrameSize(AspectRatio ratio) => ratio.FrameSize(Lines);

    /// <summary>The text form of a transition (<c>cut</c>, <c>crossfade</c>).</summary>
    public static string ToText(ExportTransition transition) => transition switch
    {
        ExportTransition.Cut => "cut",
        ExportTransition.Crossfade => "crossfade",
        _ => throw new DomainException($"Unknown transition {(int)transition}."),
    };

    /// <summary>Reads <c>cut</c> or <c>crossfade</c> (any case); null for anything else.</summary>
    public static ExportTransition? ParseTransition(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "cut" => ExportTransition.Cut,
        "crossfade" => ExportTransition.Crossfade,
        _ => null,
    };
}
