namespace VideoGen.Silo.Preview;

/// <summary>Configuration section <c>Preview</c>: how the CPU preview device draws its stills.</summary>
public sealed class PreviewOptions
{
    public const string Section = "Preview";

    /// <summary>The font the prompt's first words are written in (Debian package <c>fonts-dejavu-core</c>).</summary>
    public string FontFile { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
}
