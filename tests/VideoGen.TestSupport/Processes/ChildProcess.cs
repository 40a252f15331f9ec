using System.Diagnostics;
using System.Text;

namespace VideoGen.TestSupport.Processes;

/// <summary>Runs a command to its end, echoing its output to the log as it comes, and keeps what it wrote; cancelled, it kills the command's process tree.</summary>
/// <remarks>The result is the exit code, the standard output, and the standard error.</remarks>
public static class ChildProcess
{
    /// <summary>The exit code, standard output and standard error of <paramref name="file"/> run with <paramref name="arguments"/> in <paramref name="folder"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="stop"/> was cancelled; the command and its children were killed.</exception>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string file, IEnumerable<string> arguments, string folder, TextWriter log, string prefix, CancellationToken stop = default)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, e) => Line(e.Data, toOutput: true);
        process.ErrorDataReceived += (_, e) => Line(e.Data, toOutput: false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(stop);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        lock (output) return (process.ExitCode, output.ToString(), errors.ToString());

        void Line(string? line, bool toOutput)
        {
            if (line is null) return;
            lock (output)
            {
                (toOutput ? output : errors).AppendLine(line);
                log.WriteLine($"{prefix}{line}");
            }
        }
    }

    /// <summary>Runs a command that must succeed, and returns its standard output trimmed.</summary>
    /// <exception cref="InvalidOperationException">The command exited with another code than 0.</exception>
    public static async Task<string> RequireAsync(string file, IEnumerable<string> arguments, string folder, TextWriter log, string prefix, CancellationToken stop = default)
    {
        var args = arguments.ToArray();
        var (exit, output, _) = await RunAsync(file, args, folder, log, prefix, stop);
        return exit == 0 ? output.Trim() : throw new InvalidOperationException($"`{file} {string.Join(' ', args)}` in {folder} exited with {exit}.");
    }
}
