using System.Globalization;

namespace VideoGen.Silo.Media;

/// <summary>
/// Reads the <c>key=value</c> lines of <c>ffmpeg -progress</c>; each block ends with
/// <c>progress=continue</c> or <c>progress=end</c>. Feed it lines in order.
/// </summary>
public sealed class FfmpegProgressParser
{
    private long? _frame;
    private TimeSpan? _outTime;
    private double? _speed;

    /// <summary>Takes one line; returns the block it completes, or <c>null</c> while a block is still being read.</summary>
    public FfmpegProgress? Feed(string line)
    {
        var separator = line.IndexOf('=');
        if (separator <= 0) return null;
        var key = line.AsSpan(0, separator).Trim();
        var value = line.AsSpan(separator + 1).Trim();

        switch (key)
        {
            case "frame":
                _frame = long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var frame) ? frame : null;
                break;
            // ffmpeg writes microseconds under both keys: out_time_ms has been mislabelled since it was added.
            case "out_time_us" or "out_time_ms":
                if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var micros) && micros >= 0)
                    _outTime = TimeSpan.FromMicroseconds(micros);
                break;
            case "out_time":
                if (_outTime is null && TryParseClock(value, out var clock)) _outTime = clock;
                break;
            case "speed":
                _speed = double.TryParse(value.TrimEnd('x'), NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) ? speed : null;
                break;
            case "progress":
                var block = new FfmpegProgress(_frame, _outTime, _speed, value is "end");
                _frame = null;
                _outTime = null;
                _speed = null;
                return block;
        }
        return null;
    }

    /// <summary>Parses a whole captured progress output.</summary>
    public static IReadOnlyList<FfmpegProgress> ParseAll(string text)
    {
        var parser = new FfmpegProgressParser();
        var blocks = new List<FfmpegProgress>();
        foreach (var line in text.Split('\n'))
        {
            if (parser.Feed(line.TrimEnd('\r')) is { } block) blocks.Add(block);
        }
        return blocks;
    }

    // HH:MM:SS.ffffff; before the first packet ffmpeg may print N/A or a large negative time.
    private static bool TryParseClock(ReadOnlySpan<char> value, out TimeSpan time)
    {
        time = default;
        Span<Range> parts = stackalloc Range[4];
        if (value.Split(parts, ':') != 3) return false;
        if (!int.TryParse(value[parts[0]], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)) return false;
        if (!int.TryParse(value[parts[1]], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)) return false;
        if (!double.TryParse(value[parts[2]], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)) return false;
        time = TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes) + TimeSpan.FromSeconds(seconds);
        return true;
    }
}
