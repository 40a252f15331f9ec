using System.Text;

namespace VideoGen.Silo.Media;

/// <summary>
/// One filter of a filtergraph (<c>drawtext=fontfile=…:text=…</c>) whose option values are escaped
/// for both levels ffmpeg unescapes: the filter's option list and the filtergraph around it.
/// </summary>
public sealed class FfmpegFilter
{
    private readonly List<KeyValuePair<string, string>> _options = [];

    /// <summary>A filter with no options yet.</summary>
    /// <param name="name">The filter's name, e.g. <c>zoompan</c>.</param>
    public FfmpegFilter(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The filter's name.</summary>
    public string Name { get; }

    /// <summary>Sets an option to a text value, which may contain any character.</summary>
    public FfmpegFilter Set(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        _options.Add(new(key, value));
        return this;
    }

    /// <summary>Sets an option to a number, written in the invariant culture.</summary>
    public FfmpegFilter Set(string key, double value) => Set(key, Invariant.Number(value));

    /// <summary>Sets an option to a whole number, written in the invariant culture.</summary>
    public FfmpegFilter Set(string key, long value) => Set(key, Invariant.Number(value));

    /// <summary>Sets a boolean option (<c>1</c> or <c>0</c>).</summary>
    public FfmpegFilter Set(string key, bool value) => Set(key, value ? "1" : "0");

    /// <summary>The filter as it appears in a filtergraph, values escaped.</summary>
    public override string ToString()
    {
        if (_options.Count == 0) return Name;
        var text = new StringBuilder(Name).Append('=');
        for (var i = 0; i < _options.Count; i++)
        {
            if (i > 0) text.Append(':');
            text.Append(_options[i].Key).Append('=').Append(EscapeForGraph(EscapeOptionValue(_options[i].Value)));
        }
        return text.ToString();
    }

    /// <summary>Escapes a value for a filter's option list, where <c>:</c> separates options and <c>\</c> and <c>'</c> quote.</summary>
    public static string EscapeOptionValue(string value) => Escape(value, @"\':");

    /// <summary>Escapes a filter description for the filtergraph, where <c>[ ] , ;</c> separate filters and <c>\</c> and <c>'</c> quote.</summary>
    public static string EscapeForGraph(string text) => Escape(text, @"\'[],;");

    private static string Escape(string text, string special)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (special.Contains(c)) escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
