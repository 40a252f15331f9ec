namespace VideoGen.Silo.Media;

/// <summary>
/// Builds an ffmpeg argument list the way ffmpeg reads one: options apply to the file that
/// follows them, so input options go before <see cref="Input"/> and output options before
/// <see cref="Output"/>. Numbers are written in the invariant culture. The result goes into
/// <c>ProcessStartInfo.ArgumentList</c>, so nothing is quoted for a shell.
/// </summary>
public sealed class FfmpegArguments
{
    // -y: the runner keeps stdin open to send 'q', so an overwrite prompt would wait on it forever.
    private readonly List<string> _global = ["-y"];
    private readonly List<string> _inputs = [];
    private readonly List<string> _pendingInput = [];
    private readonly List<string> _outputOptions = [];
    private string? _output;

    /// <summary>Adds a global option, e.g. <c>-filter_complex</c>.</summary>
    public FfmpegArguments Global(string name, string? value = null) => Add(_global, name, value);

    /// <summary>Adds an option for the next input, e.g. <c>-f lavfi</c>.</summary>
    public FfmpegArguments InputOption(string name, string? value = null) => Add(_pendingInput, name, value);

    /// <summary>Adds an input option with a number.</summary>
    public FfmpegArguments InputOption(string name, double value) => InputOption(name, Invariant.Number(value));

    /// <summary>Adds an input: a file path, or a source description when <c>-f</c> says so.</summary>
    public FfmpegArguments Input(string source)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        _inputs.AddRange(_pendingInput);
        _pendingInput.Clear();
        _inputs.Add("-i");
        _inputs.Add(source);
        return this;
    }

    /// <summary>Sets the filtergraph (<c>-filter_complex</c>).</summary>
    public FfmpegArguments FilterComplex(FfmpegFilterGraph graph) => Global("-filter_complex", graph.ToString());

    /// <summary>Sets a simple video filter chain for the output (<c>-vf</c>).</summary>
    public FfmpegArguments VideoFilter(params IEnumerable<FfmpegFilter> filters) =>
        OutputOption("-vf", string.Join(',', filters.Select(f => f.ToString())));

    /// <summary>Adds an option for the output, e.g. <c>-c:v libx264</c>.</summary>
    public FfmpegArguments OutputOption(string name, string? value = null) => Add(_outputOptions, name, value);

    /// <summary>Adds an output option with a number.</summary>
    public FfmpegArguments OutputOption(string name, double value) => OutputOption(name, Invariant.Number(value));

    /// <summary>Adds an output option with a whole number.</summary>
    public FfmpegArguments OutputOption(string name, long value) => OutputOption(name, Invariant.Number(value));

    /// <summary>Sets the output file.</summary>
    public FfmpegArguments Output(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _output = path;
        return this;
    }

    /// <summary>The arguments in order: global options, inputs with their options, output options, output.</summary>
    public IReadOnlyList<string> Build()
    {
        if (_pendingInput.Count > 0) throw new InvalidOperationException($"Input options ({string.Join(' ', _pendingInput)}) were given without an input after them.");
        if (_output is null) throw new InvalidOperationException("ffmpeg needs an output; call Output(path).");
        return [.. _global, .. _inputs, .. _outputOptions, _output];
    }

    private FfmpegArguments Add(List<string> list, string name, string? value)
    {
        if (!name.StartsWith('-')) throw new ArgumentException($"ffmpeg options start with '-' (got '{name}').", nameof(name));
        list.Add(name);
        if (value is not null) list.Add(value);
        return this;
    }
}
