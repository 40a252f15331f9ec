using System.Net;
using System.Net.Sockets;
using VideoGen.Grains.Domain;
using VideoGen.Silo.Devices;
using VideoGen.Silo.Tests.Media;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Silo.Tests.Narration;

/// <summary>The speech client's resilience handler: a server that drops the connection is tried again, a bounded number of times.</summary>
public sealed class SpeechServerRetryTests
{
    [Fact]
    public async Task Render_WhenTheSpeechServerDropsEveryConnection_TriesThreeTimesThenIsTransient()
    {
        using var folder = new TempFolder();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = 0;
        using var stop = new CancellationTokenSource();
        var dropping = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var socket = await listener.AcceptSocketAsync(stop.Token);
                Interlocked.Increment(ref accepted);
                socket.Close(0);
            }
        });
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";
        await using var backends = new RealBackends(new Dictionary<string, string?> { ["Speech:Engine"] = "openai", ["Speech:Url"] = url });
        var work = new LaneWork
        {
            JobId = Guid.NewGuid(), Kind = JobKind.Audio, Text = "Hello.", Prompt = "Hello.", Seed = 0, Width = 1, Height = 1,
            OutputDirectory = folder.Path, OutputName = "audio-test",
        };

        var failure = await Assert.ThrowsAsync<GenerationException>(() =>
            backends.Narration.RenderAsync(work, new RecordingProgress<LaneProgress>(), CancellationToken.None));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dropping);

        Assert.Equal(FailureCause.Transient, failure.Cause);
        Assert.Equal(3, accepted);
        Assert.Empty(folder.FileNames());
    }
}
