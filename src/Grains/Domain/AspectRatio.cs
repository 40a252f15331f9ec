using System.Diagnostics.CodeAnalysis;

namespace VideoGen.Grains.Domain;

/// <summary>The frame shape of a project: 16:9, 9:16 or 1:1.</summary>
public enum AspectRatio
{
    Landscape = 1,
    Portrait = 2,
    Square = 3,
}

/// <summary>Text form ("16:9") and frame sizes of <see cref="AspectRatio"/>.</summary>
public static class AspectRatios
{
    /// <summary>The ratios a creator may choose, in their text form.</summary>
    public static readonly IReadOnlyList<string> Names = ["16:9", "9:16", "1:1"];

    public static string ToText(this AspectRatio ratio) => ratio switch
    {
        AspectRatio.Landscape => "16:9",
        AspectRatio.Portrait => "9:16",
        AspectRatio.Square => "1:1",
        _ => throw new DomainException($"Unknown aspect ratio {(int)ratio}."),
    };

    public static bool TryParse(string? text, [NotNullWhen(true)] out AspectRatio? ratio)
    {
        ratio = text?.Trim() switch
        {
            "16:9" => AspectRatio.Landscape,
            "9:16" => AspectRatio.Portrait,
            "1:1" => AspectRatio.Square,
            _ => null,
        };
        return ratio is not null;
    }

    /// <summary>The frame size at the given number of lines on the short side (1080 for export).</summary>
    public static (int Width, int Height) FrameSize(this AspectRatio ratio, int shortSide)
    {
        var longSide = (int)Math.Round(shortSide * 16 / 9.0 / 2) * 2;
        return ratio switch
        {
            AspectRatio.Landscape => (longSide, shortSide),
            AspectRatio.Portrait => (shortSide, longSide),
            _ => (shortSide, shortSide),
        };
    }
}
