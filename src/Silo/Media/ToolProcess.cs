using System.ComponentModel;
using System.Diagnostics;

namespace VideoGen.Silo.Media;

/// <summary>
/// A running ffmpeg or ffprobe: started with an argument list (never a shell string), its full
/// command logged, stderr always drained into a bounded tail so the process can never block on
/// a full pipe. Disposing it kills the process tree if it is still running.
/// </summary>
internal sealed class ToolProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task _stderrDrain;

    private ToolProcess(Process process)
    {
        _process = process;
        _stderrDrain = DrainAsync(process.StandardError, Stderr);
    }

    public StderrTail Stderr { get; } = new();

    public StreamReader StandardOutput => _process.StandardOutput;

    public int Id => _process.Id;

    public static ToolProcess Start(string fileName, IReadOnlyList<string> arguments, ILogger logger)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);

        logger.LogInformation("Running {CommandLine}", CommandLine.Format(fileName, arguments));
        var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            throw new FfmpegException($"Could not start '{fileName}': {e.Message}", null, "", e);
        }
        return new ToolProcess(process);
    }

    /// <summary>Runs a program to completion and returns its stdout; kills it if <paramref name="ct"/> fires.</summary>
    public static async Task<string> CaptureAsync(string fileName, IReadOnlyList<string> arguments, ILogger logger, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var process = Start(fileName, arguments, logger);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        try
        {
            var exitCode = await process.WaitForExitAsync(ct);
            var output = await stdout;
            if (exitCode != 0) throw process.Failure(Path.GetFileName(fileName), exitCode);
            return output;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await process.StopAsync(quitCommand: null, TimeSpan.Zero);
            await stdout;
            throw;
        }
    }

    /// <summary>Writes <paramref name="input"/> to the process's stdin as it is (no byte order mark) and closes it.</summary>
    public async Task WriteInputAndCloseAsync(ReadOnlyMemory<byte> input, CancellationToken ct)
    {
        try
        {
            await _process.StandardInput.BaseStream.WriteAsync(input, ct);
            await _process.StandardInput.BaseStream.FlushAsync(ct);
        }
        catch (IOException)
        {
            // The process exited before reading everything; its exit code and stderr tell why.
        }
        finally
        {
            _process.StandardInput.Close();
        }
    }

    /// <summary>Waits for the process to exit and for its stderr to be read to the end.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken ct)
    {
        await _process.WaitForExitAsync(ct);
        await _stderrDrain;
        return _process.ExitCode;
    }

    /// <summary>
    /// Asks the process to quit by writing <paramref name="quitCommand"/> to its stdin, gives it
    /// <paramref name="grace"/> to do so, then kills its whole tree; returns once it has exited.
    /// </summary>
    public async Task StopAsync(string? quitCommand, TimeSpan grace)
    {
        if (!_process.HasExited)
        {
            var quit = quitCommand is not null && await QuitAsync(quitCommand, grace);
            if (!quit)
            {
                Kill();
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }
        await _stderrDrain;
    }

    private async Task<bool> QuitAsync(string quitCommand, TimeSpan grace)
    {
        if (grace <= TimeSpan.Zero) return false;
        try
        {
            await _process.StandardInput.WriteAsync(quitCommand);
            await _process.StandardInput.FlushAsync();
        }
        catch (IOException)
        {
            // The process closed stdin on its way out; the caller kills it if it is still there.
        }
        using var graceTimer = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(graceTimer.Token);
            return true;
        }
        catch (OperationCanceledException) when (graceTimer.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>An exception naming the exit code and carrying the stderr tail.</summary>
    public FfmpegException Failure(string program, int exitCode)
    {
        var reason = Stderr.LastLine;
        return new FfmpegException(
            $"{program} exited with code {exitCode}{(reason.Length > 0 ? ": " + reason : ".")}", exitCode, Stderr.ToString());
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    private static async Task DrainAsync(StreamReader reader, StderrTail tail)
    {
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line) tail.Add(line);
    }
}
