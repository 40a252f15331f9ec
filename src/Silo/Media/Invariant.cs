using System.Globalization;

namespace VideoGen.Silo.Media;

/// <summary>Numbers as ffmpeg reads them, whatever the machine's culture.</summary>
internal static class Invariant
{
    // Fixed-point rather than "R": ffmpeg option parsers accept exponents, but a human reading the logged command should not have to.
    public static string Number(double value) =>
        double.IsFinite(value)
            ? value.ToString("0.############", CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(nameof(value), value, "ffmpeg needs a finite number.");

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
