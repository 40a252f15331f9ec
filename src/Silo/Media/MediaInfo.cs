using System.Globalization;
using System.Text.Json;
using FFMpegCore;

namespace VideoGen.Silo.Media;

/// <summary>What a media file holds: its container, duration and streams.</summary>
/// <param name="FormatName">ffprobe's container name, e.g. <c>mov,mp4,m4a,3gp,3g2,mj2</c> or <c>png_pipe</c>.</param>
/// <param name="DurationSeconds">The file's duration, when it has one (a still image has none).</param>
/// <param name="Streams">The streams in file order.</param>
public sealed record MediaInfo(string FormatName, double? DurationSeconds, IReadOnlyList<MediaStreamInfo> Streams)
{
    /// <summary>The first video stream, or <c>null</c>.</summary>
    public MediaStreamInfo? Video => Streams.FirstOrDefault(s => s.CodecType == "video");

    /// <summary>The first audio stream, or <c>null</c>.</summary>
    public MediaStreamInfo? Audio => Streams.FirstOrDefault(s => s.CodecType == "audio");

    /// <summary>The studio's view of FFMpegCore's analysis: every stream in file order, with what the checks of outputs read.</summary>
    public static MediaInfo From(IMediaAnalysis analysis)
    {
        var parsed = analysis.VideoStreams.Concat<MediaStream>(analysis.AudioStreams).Concat(analysis.SubtitleStreams).ToDictionary(s => s.Index);
        var streams = analysis.Raw.Streams
            .Select(raw => ReadStream(raw, parsed.GetValueOrDefault(raw.Index)))
            .ToArray();
        return new MediaInfo(analysis.Format.FormatName ?? "", Seconds(analysis.Raw.Format.Duration) ?? Seconds(analysis.Format.Duration), streams);
    }

    private static MediaStreamInfo ReadStream(FFProbeStream raw, MediaStream? parsed)
    {
        var video = parsed as VideoStream;
        return new MediaStreamInfo(
            Index: raw.Index,
            CodecType: raw.CodecType ?? "",
            CodecName: raw.CodecName,
            Width: raw.Width,
            Height: raw.Height,
            FrameRate: video is null ? null : Rate(video.AverageFrameRate) ?? Rate(video.RealFrameRate),
            PixelFormat: raw.PixelFormat,
            DurationSeconds: Seconds(raw.Duration) ?? (parsed is null ? null : Seconds(parsed.Duration)),
            // FFMpegCore keeps the frame count among the fields it does not model.
            FrameCount: raw.ExtensionData.TryGetValue("nb_frames", out var frames) ? WholeNumber(frames) : null);
    }

    // FFMpegCore reads a missing duration as zero; no file the studio checks lasts no time at all.
    private static double? Seconds(TimeSpan duration) => duration > TimeSpan.Zero ? duration.TotalSeconds : null;

    // FFMpegCore keeps whole milliseconds of ffprobe's h:mm:ss.ffffff; frame timing wants the microseconds.
    private static double? Seconds(string? sexagesimal) =>
        TimeSpan.TryParse(sexagesimal, CultureInfo.InvariantCulture, out var duration) ? Seconds(duration) : null;

    // "0/0", ffprobe's unknown rate, divides to NaN.
    private static double? Rate(double rate) => double.IsFinite(rate) && rate > 0 ? rate : null;

    private static long? WholeNumber(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var number) => number,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };
}
