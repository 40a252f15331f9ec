using System.Globalization;
using VideoGen.TestSupport.FakeComfyUi;

namespace VideoGen.FakeComfyUiHost;

/// <summary>
/// The test suite's fake ComfyUI as a process of its own, for checks that run the published hosts
/// as an operator would (deploy/check.sh). It listens on a free loopback port, writes its base URL
/// as the first line of standard output, and runs until SIGTERM or Ctrl+C.
/// </summary>
public static class Program
{
    /// <summary>Arguments: <c>[--job-ms N]</c>, how long one prompt runs (the fake's default otherwise).</summary>
    public static async Task<int> Main(string[] args)
    {
        TimeSpan? jobDuration = null;
        if (args is ["--job-ms", var ms] && int.TryParse(ms, NumberStyles.None, CultureInfo.InvariantCulture, out var millis))
            jobDuration = TimeSpan.FromMilliseconds(millis);
        else if (args.Length > 0)
        {
            await Console.Error.WriteLineAsync("usage: VideoGen.FakeComfyUi [--job-ms N]");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

        await using var fake = await FakeComfyUi.StartAsync(stop.Token);
        if (jobDuration is { } duration) fake.JobDuration = duration;
        Console.WriteLine(fake.BaseUrl.ToString().TrimEnd('/'));
        Console.Out.Flush();
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Asked to stop.
        }
        if (fake.Errors.Count > 0)
        {
            foreach (var error in fake.Errors) await Console.Error.WriteLineAsync(error);
            return 1;
        }
        return 0;
    }
}
