using FFMpegCore;
using FFMpegCore.Arguments;

namespace VideoGen.Silo.Media;

/// <summary>
/// ffmpeg's global options placed first on the command line: no banner, statistics four times a
/// second (FFMpegCore reads progress from them), and the filtergraph. FFMpegCore's arguments begin
/// with an input, so these travel as one; they name no file.
/// </summary>
internal sealed class GlobalOptionsArgument(FfmpegFilterGraph? graph) : IInputArgument
{
    public string Text =>
        "-hide_banner -stats_period 0.25" + (graph is null ? "" : " " + FfmpegCommand.Option("-filter_complex", graph.ToString()));

    public void Pre(FFOptions options)
    {
    }

    public Task During(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public void Post()
    {
    }
}
