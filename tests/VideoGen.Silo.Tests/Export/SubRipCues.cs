using System.Globalization;
using System.Text.RegularExpressions;

namespace VideoGen.Silo.Tests.Export;

/// <summary>Reads the cues of a SubRip file back, for tests.</summary>
public static partial class SubRipCues
{
    public static IReadOnlyList<(int Number, double Start, double End, string Text)> Parse(string srt) =>
        Cue().Matches(srt.ReplaceLineEndings("\n")).Select(m => (
            int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture),
            Seconds(m.Groups["start"].Value),
            Seconds(m.Groups["end"].Value),
            m.Groups["text"].Value)).ToArray();

    private static double Seconds(string time) =>
        TimeSpan.ParseExact(time, @"hh\:mm\:ss\,fff", CultureInfo.InvariantCulture).TotalSeconds;

    [GeneratedRegex(@"(?<n>\d+)\n(?<start>\d\d:\d\d:\d\d,\d\d\d) --> (?<end>\d\d:\d\d:\d\d,\d\d\d)\n(?<text>[^\n]+)\n")]
    private static partial Regex Cue();
}
