using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VideoGen.Silo.Preview;

/// <summary>
/// How a preview still looks, derived from a hash of the seed and the prompt: the same pair
/// always gives the same look, a different seed or prompt almost always a different one.
/// </summary>
internal sealed record StillLook(
    IReadOnlyList<string> Colors,
    int GradientType,
    (double X0, double Y0, double X1, double Y1) GradientLine,
    StillTexture Texture,
    int CellRule,
    uint TextureSeed,
    int CellSize,
    (double A, double B, double C, double D) WaveFrequencies,
    double TextureOpacity,
    int GrainSeed,
    int GrainStrength)
{
    // Elementary automaton rules that draw structure (triangles, stripes, chaos), not a blank or a copy of the first row.
    private static readonly int[] CellRules = [18, 22, 30, 45, 54, 57, 60, 73, 86, 89, 90, 105, 110, 124, 126, 150];

    // Hue offsets of the palette's colours: analogous, complementary, triadic, split complementary.
    private static readonly int[][] Schemes = [[0, 30, 60], [0, 180, 20], [0, 120, 240], [0, 150, 210]];

    // ffmpeg's gradient types linear, radial and spiral; circular is left out because it draws a hard seam.
    private static readonly int[] GradientTypes = [0, 1, 3];

    public static StillLook From(long seed, string prompt)
    {
        var input = new byte[8 + Encoding.UTF8.GetMaxByteCount(prompt.Length)];
        BinaryPrimitives.WriteInt64LittleEndian(input, seed);
        var length = 8 + Encoding.UTF8.GetBytes(prompt, input.AsSpan(8));
        var hash = SHA256.HashData(input.AsSpan(0, length));

        var hue = BinaryPrimitives.ReadUInt16LittleEndian(hash) % 360;
        var scheme = Schemes[hash[2] % Schemes.Length];
        var saturation = 0.45 + hash[3] / 255.0 * 0.35;
        double[] lightness = [0.2 + hash[4] / 255.0 * 0.12, 0.48 + hash[5] / 255.0 * 0.1, 0.68 + hash[6] / 255.0 * 0.12];
        var colors = scheme.Select((offset, i) => Hsl((hue + offset) % 360, saturation, lightness[(i + hash[7]) % 3])).ToList();

        return new StillLook(
            Colors: colors,
            GradientType: GradientTypes[hash[8] % GradientTypes.Length],
            GradientLine: (hash[9] / 255.0, hash[10] / 255.0, hash[11] / 255.0, hash[12] / 255.0),
            Texture: (StillTexture)(hash[13] % 4),
            CellRule: CellRules[hash[14] % CellRules.Length],
            TextureSeed: BinaryPrimitives.ReadUInt32LittleEndian(hash.AsSpan(15)),
            CellSize: 4 + hash[19] % 12,
            WaveFrequencies: (Frequency(hash[20]), Frequency(hash[21]), Frequency(hash[22]), Frequency(hash[23])),
            TextureOpacity: 0.18 + hash[24] / 255.0 * 0.22,
            GrainSeed: (int)(BinaryPrimitives.ReadUInt32LittleEndian(hash.AsSpan(25)) & int.MaxValue),
            GrainStrength: 4 + hash[29] % 10);
    }

    // Between 1 and 6 wave periods across a 1000-pixel picture; scaled to the real size when drawn.
    private static double Frequency(byte b) => (1 + b / 255.0 * 5) * 2 * Math.PI / 1000;

    private static string Hsl(double hue, double saturation, double lightness)
    {
        var chroma = (1 - Math.Abs(2 * lightness - 1)) * saturation;
        var x = chroma * (1 - Math.Abs(hue / 60 % 2 - 1));
        var m = lightness - chroma / 2;
        var (r, g, b) = (int)(hue / 60) switch
        {
            0 => (chroma, x, 0.0),
            1 => (x, chroma, 0.0),
            2 => (0.0, chroma, x),
            3 => (0.0, x, chroma),
            4 => (x, 0.0, chroma),
            _ => (chroma, 0.0, x),
        };
        return string.Create(CultureInfo.InvariantCulture, $"0x{Byte(r + m):X2}{Byte(g + m):X2}{Byte(b + m):X2}");
    }

    private static int Byte(double channel) => (int)Math.Round(Math.Clamp(channel, 0, 1) * 255);
}
