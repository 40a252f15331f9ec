namespace VideoGen.Silo.Media;

/// <summary>A filtergraph for <c>-filter_complex</c>: chains of filters joined by labelled pads.</summary>
public sealed class FfmpegFilterGraph
{
    private readonly List<string> _chains = [];

    /// <summary>Adds a chain <c>[in1][in2]filter1,filter2[out]</c>.</summary>
    /// <param name="inputs">Labels of the pads the chain reads (none for a chain that starts with a source filter).</param>
    /// <param name="filters">The filters, applied in order.</param>
    /// <param name="output">The label of the chain's output pad, or <c>null</c> to leave it unlabelled.</param>
    public FfmpegFilterGraph Chain(IEnumerable<string> inputs, IEnumerable<FfmpegFilter> filters, string? output)
    {
        var body = string.Join(',', filters.Select(f => f.ToString()));
        if (body.Length == 0) throw new ArgumentException("A filter chain needs at least one filter.", nameof(filters));
        var chain = string.Concat(inputs.Select(Pad)) + body + (output is null ? "" : Pad(output));
        _chains.Add(chain);
        return this;
    }

    /// <summary>Writes a pad label, e.g. <c>[out]</c>.</summary>
    public static string Pad(string label)
    {
        if (label.Length == 0 || !label.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':'))
            throw new ArgumentException($"Pad labels are letters, digits, '_' and ':' (got '{label}').", nameof(label));
        return $"[{label}]";
    }

    /// <summary>The graph as ffmpeg reads it.</summary>
    public override string ToString() => string.Join(';', _chains);
}
