using VideoGen.Grains.Domain;
using VideoGen.Silo.Media;

namespace VideoGen.Silo.Preview;

/// <summary>
/// A camera move over a still as <c>zoompan</c> expressions. The move eases in and out over the
/// whole clip; how far it goes grows with the motion strength and the clip's length, up to a
/// limit, so a long narration does not zoom into a blur.
/// </summary>
internal sealed record CameraMove(string Zoom, string X, string Y)
{
    private const string Centre = "(iw-iw/zoom)/2";
    private const string MiddleRow = "(ih-ih/zoom)/2";

    /// <summary>The move for <paramref name="movement"/> over <paramref name="frames"/> frames at <paramref name="fps"/>.</summary>
    public static CameraMove For(CameraMovement movement, double strength, int frames, int fps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 2);
        var travel = Invariant.Number(Travel(strength, (double)frames / fps));
        // 0 → 1 over the clip, slow at both ends: (1 - cos(pi * t)) / 2 with t = frame / last frame.
        var eased = $"(1-cos(PI*on/{frames - 1}))/2";
        var reversed = $"(1+cos(PI*on/{frames - 1}))/2";
        var held = $"1+{travel}";
        return movement switch
        {
            CameraMovement.Static => new("1", "0", "0"),
            CameraMovement.ZoomIn => new($"1+{travel}*{eased}", Centre, MiddleRow),
            CameraMovement.ZoomOut => new($"1+{travel}*{reversed}", Centre, MiddleRow),
            CameraMovement.PanLeft => new(held, $"(iw-iw/zoom)*{reversed}", MiddleRow),
            CameraMovement.PanRight => new(held, $"(iw-iw/zoom)*{eased}", MiddleRow),
            CameraMovement.TiltUp => new(held, Centre, $"(ih-ih/zoom)*{reversed}"),
            CameraMovement.TiltDown => new(held, Centre, $"(ih-ih/zoom)*{eased}"),
            _ => throw new ArgumentOutOfRangeException(nameof(movement), movement, "Unknown camera movement."),
        };
    }

    /// <summary>
    /// How much the picture is enlarged at the far end of the move (0.25 = 125 %): about 2 % per
    /// second when barely moving up to 12 % per second when strong, at most 5 % to 60 %.
    /// </summary>
    public static double Travel(double strength, double seconds)
    {
        var s = double.IsFinite(strength) ? Math.Clamp(strength, 0, 1) : 0.5;
        return Math.Min((0.02 + 0.10 * s) * seconds, 0.05 + 0.55 * s);
    }

    /// <summary>The <c>zoompan</c> filter making <paramref name="frames"/> frames of <paramref name="width"/>×<paramref name="height"/> from one input picture.</summary>
    public FfmpegFilter ToZoompan(int frames, int width, int height, int fps) =>
        new FfmpegFilter("zoompan")
            .Set("z", Zoom)
            .Set("x", X)
            .Set("y", Y)
            .Set("d", frames)
            .Set("s", $"{width}x{height}")
            .Set("fps", fps);
}
