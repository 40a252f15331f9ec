using System.Globalization;
using System.Text.Json;

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

    /// <summary>Reads the output of <c>ffprobe -print_format json -show_format -show_streams</c>.</summary>
    /// <exception cref="FormatException">The text is not ffprobe's JSON.</exception>
    public static MediaInfo Parse(string ffprobeJson)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(ffprobeJson);
        }
        catch (JsonException e)
        {
            throw new FormatException("ffprobe's output is not JSON.", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new FormatException("ffprobe's output is not a JSON object.");
            var format = root.TryGetProperty("format", out var f) ? f : default;
            var streams = root.TryGetProperty("streams", out var s) && s.ValueKind == JsonValueKind.Array
                ? s.EnumerateArray().Select(ReadStream).ToArray()
                : [];
            return new MediaInfo(Text(format, "format_name") ?? "", Number(format, "duration"), streams);
        }
    }

    private static MediaStreamInfo ReadStream(JsonElement stream) => new(
        Index: (int)(Number(stream, "index") ?? 0),
        CodecType: Text(stream, "codec_type") ?? "",
        CodecName: Text(stream, "codec_name"),
        Width: (int?)Number(stream, "width"),
        Height: (int?)Number(stream, "height"),
        FrameRate: Rate(Text(stream, "avg_frame_rate")) ?? Rate(Text(stream, "r_frame_rate")),
        PixelFormat: Text(stream, "pix_fmt"),
        DurationSeconds: Number(stream, "duration"),
        FrameCount: (long?)Number(stream, "nb_frames"));

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    // ffprobe writes most numbers as strings ("duration": "2.000000") and a few as numbers ("width": 640).
    private static double? Number(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Number) return value.GetDouble();
        return value.ValueKind == JsonValueKind.String
               && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }

    // "24/1", "30000/1001"; "0/0" means unknown.
    private static double? Rate(string? text)
    {
        if (text?.Split('/') is not [var numerator, var denominator]) return null;
        return double.TryParse(numerator, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
               && double.TryParse(denominator, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
               && n > 0 && d > 0
            ? n / d
            : null;
    }
}
