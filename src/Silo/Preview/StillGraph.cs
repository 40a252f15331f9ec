using VideoGen.Silo.Media;

namespace VideoGen.Silo.Preview;

/// <summary>The filtergraph that draws a preview still: gradient, texture, grain, vignette, then the words.</summary>
internal static class StillGraph
{
    /// <summary>The label of the graph's output pad, for <c>-map</c>.</summary>
    public const string Output = "still";

    private const int TitleWords = 6;
    private const int CaptionWords = 14;

    // DejaVu Sans glyphs average a little over half the font size in width.
    private const double GlyphWidthPerFontSize = 0.58;

    public static FfmpegFilterGraph Build(StillLook look, int width, int height, string fontFile, string title, string caption)
    {
        var graph = new FfmpegFilterGraph();
        graph.Chain([], [Gradient(look, width, height), Gbrp()], "base");

        var textured = "base";
        if (Texture(look, width, height) is { } texture)
        {
            graph.Chain([], [.. texture, Gbrp()], "texture");
            graph.Chain(["base", "texture"], [new FfmpegFilter("blend").Set("all_mode", "softlight").Set("all_opacity", look.TextureOpacity)], "textured");
            textured = "textured";
        }

        List<FfmpegFilter> finish =
        [
            new FfmpegFilter("noise").Set("alls", look.GrainStrength).Set("allf", "u").Set("all_seed", look.GrainSeed),
            new FfmpegFilter("vignette"),
        ];
        var titleSize = Math.Clamp(height / 11, 10, 160);
        var titleText = CaptionText.FirstWords(title, TitleWords, MaxChars(width, titleSize));
        if (titleText.Length > 0) finish.Add(Text(fontFile, titleText, titleSize, "(h-text_h)/2"));
        var captionSize = Math.Clamp(height / 24, 8, 80);
        var captionText = CaptionText.FirstWords(caption, CaptionWords, MaxChars(width, captionSize));
        if (captionText.Length > 0) finish.Add(Text(fontFile, captionText, captionSize, $"h-text_h-{height / 12}"));
        finish.Add(new FfmpegFilter("format").Set("pix_fmts", "rgb24"));

        graph.Chain([textured], finish, Output);
        return graph;
    }

    private static FfmpegFilter Gradient(StillLook look, int width, int height)
    {
        var gradient = new FfmpegFilter("gradients").Set("s", $"{width}x{height}").Set("r", 24).Set("n", look.Colors.Count);
        for (var i = 0; i < look.Colors.Count; i++) gradient.Set($"c{i}", look.Colors[i]);
        var (x0, y0, x1, y1) = look.GradientLine;
        return gradient
            .Set("x0", (long)Math.Round(x0 * (width - 1)))
            .Set("y0", (long)Math.Round(y0 * (height - 1)))
            .Set("x1", (long)Math.Round(x1 * (width - 1)))
            .Set("y1", (long)Math.Round(y1 * (height - 1)))
            .Set("type", look.GradientType)
            .Set("seed", look.TextureSeed);
    }

    private static IReadOnlyList<FfmpegFilter>? Texture(StillLook look, int width, int height)
    {
        var size = $"{width}x{height}";
        switch (look.Texture)
        {
            case StillTexture.Cells or StillTexture.SoftCells:
                var cells = $"{Math.Max(width / look.CellSize, 2)}x{Math.Max(height / look.CellSize, 2)}";
                List<FfmpegFilter> automaton =
                [
                    new FfmpegFilter("cellauto").Set("s", cells).Set("rule", look.CellRule).Set("seed", look.TextureSeed).Set("ratio", 0.5).Set("full", true),
                    new FfmpegFilter("scale").Set("w", width).Set("h", height).Set("flags", "neighbor"),
                ];
                if (look.Texture == StillTexture.SoftCells) automaton.Add(new FfmpegFilter("gblur").Set("sigma", look.CellSize * 0.8));
                return automaton;
            case StillTexture.Waves:
                // Frequencies are per 1000 pixels so the pattern keeps its shape at any size.
                var scale = 1000.0 / Math.Max(width, height);
                var (a, b, c, d) = look.WaveFrequencies;
                return
                [
                    new FfmpegFilter("color").Set("c", "gray").Set("s", size).Set("r", 24),
                    new FfmpegFilter("format").Set("pix_fmts", "gray"),
                    new FfmpegFilter("geq").Set("lum",
                        $"128+110*sin(X*{Invariant.Number(a * scale)}+Y*{Invariant.Number(b * scale)})*cos(Y*{Invariant.Number(c * scale)}-X*{Invariant.Number(d * scale)})"),
                ];
            default:
                return null;
        }
    }

    private static FfmpegFilter Text(string fontFile, string text, int fontSize, string y) =>
        new FfmpegFilter("drawtext")
            .Set("fontfile", fontFile)
            // No expansion: the prompt is the creator's text, and %{...} in it must print as typed.
            .Set("expansion", "none")
            .Set("text", text)
            .Set("fontsize", fontSize)
            .Set("fontcolor", "white")
            .Set("box", true)
            .Set("boxcolor", "black@0.45")
            .Set("boxborderw", Math.Max(fontSize / 3, 2))
            .Set("x", "(w-text_w)/2")
            .Set("y", y);

    private static int MaxChars(int width, int fontSize) => Math.Max((int)(width * 0.9 / (fontSize * GlyphWidthPerFontSize)), 2);

    private static FfmpegFilter Gbrp() => new FfmpegFilter("format").Set("pix_fmts", "gbrp");
}
