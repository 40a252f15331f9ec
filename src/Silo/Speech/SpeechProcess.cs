using System.ComponentModel;
using System.Diagnostics;

namespace VideoGen.Silo.Speech;

/// <summary>
/// A running speech program: started with an argument list (never a shell string), its stderr
/// drained into a bounded tail so it can never block on a full pipe, its stdout left to the
/// caller as bytes (a WAV, which FFMpegCore's line-reading process runner would mangle).
/// Disposing it kills the process tree if it is still running.
/// </summary>
internal sealed class SpeechProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task _stderrDrain;

    private SpeechProcess(Process process)
    {
        _process = process;
        _stderrDrain = DrainAsync(process.StandardError, Stderr);
    }

    public StderrTail Stderr { get; } = new();

    public Stream StandardOutput => _process.StandardOutput.BaseStream;

    /// <exception cref="Win32Exception">The program could not be started.</exception>
    public static SpeechProcess Start(string fileName, IReadOnlyList<string> arguments, ILogger logger)
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
        logger.LogDebug("Running {Program} {Arguments}", fileName, string.Join(' ', arguments));
        var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }
        return new SpeechProcess(process);
    }

    /// <summary>Writes <paramref name="input"/> to stdin as it is (no byte order mark) and closes it.</summary>
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

    /// <summary>Kills the process tree and returns once it has exited.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
            await _process.WaitForExitAsync(CancellationToken.None);
        }
        await _stderrDrain;
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
