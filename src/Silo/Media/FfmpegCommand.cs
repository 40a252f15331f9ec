using System.Text;
using FFMpegCore;

namespace VideoGen.Silo.Media;

/// <summary>
/// Starts the studio's ffmpeg commands on FFMpegCore's argument builder and writes option values
/// so that each reaches ffmpeg as exactly one argument, whatever characters it holds.
/// </summary>
public static class FfmpegCommand
{
    /// <summary>
    /// New arguments that begin with the global options the runner reads progress by and, when
    /// given, the filtergraph (<c>-filter_complex</c>) whose source filters or inputs make the output.
    /// </summary>
    public static FFMpegArguments Start(FfmpegFilterGraph? graph = null) => FFMpegArguments.FromInput(new GlobalOptionsArgument(graph));

    /// <summary>An option and its value, e.g. <c>-map [out]</c>, for <c>WithCustomArgument</c>.</summary>
    public static string Option(string name, string value)
    {
        if (!name.StartsWith('-')) throw new ArgumentException($"ffmpeg options start with '-' (got '{name}').", nameof(name));
        return $"{name} {Quote(value)}";
    }

    /// <summary>An option with a number, written in the invariant culture.</summary>
    public static string Option(string name, double value) => Option(name, Invariant.Number(value));

    /// <summary>An option with a whole number.</summary>
    public static string Option(string name, long value) => Option(name, Invariant.Number(value));

    /// <summary>A video filter chain for the output (<c>-vf</c>).</summary>
    public static string VideoFilter(params IEnumerable<FfmpegFilter> filters) =>
        Option("-vf", string.Join(',', filters.Select(f => f.ToString())));

    /// <summary>
    /// Quotes one argument for the command line FFMpegCore hands to the process, which .NET splits
    /// by the C runtime's rules: double quotes group, and backslashes escape only a double quote.
    /// </summary>
    public static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        var backslashes = 0;
        foreach (var c in value)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }
            // Backslashes before a quote are escapes there, so each one written must be doubled.
            quoted.Append('\\', c == '"' ? backslashes * 2 + 1 : backslashes).Append(c);
            backslashes = 0;
        }
        return quoted.Append('\\', backslashes * 2).Append('"').ToString();
    }
}
