using System.Runtime.InteropServices;
using VideoGen.TestSupport.Processes;

namespace VideoGen.Bench.Comparison;

/// <summary>
/// Runs each chosen figure twice, once with the previous design's benchmark (built from git) and
/// once with this one, each as a fresh process with the same options and fresh databases, and
/// puts their printed results side by side.
/// </summary>
public sealed class ComparisonRunner(BenchOptions options, TextWriter log)
{
    /// <summary>Builds the previous design, measures every chosen figure with both programs and returns the table.</summary>
    /// <exception cref="OperationCanceledException">The run was interrupted (Ctrl+C); its processes were killed and the worktree removed.</exception>
    public async Task<ComparisonTable> RunAsync()
    {
        using var interrupted = new CancellationTokenSource();
        // Ctrl+C ends the benchmarks under way and still removes the temporary worktree.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            interrupted.Cancel();
        });
        var stop = interrupted.Token;
        log.WriteLine($"VideoGen benchmarks, previous design ({options.Against}) against now, {(options.Quick ? "quick" : "full")} run, " +
                      $"{Environment.ProcessorCount} cores, engines: {string.Join(", ", options.Engines)}");
        log.WriteLine($"load average at start: {BenchRunner.LoadAverage()}");
        await using var previous = await PreviousBuild.CreateAsync(options.Against!, log, stop);
        var now = typeof(BenchProgram).Assembly.Location;
        var table = new ComparisonTable();
        var figures = BenchRunner.Figures(options.Quick).Select(f => f.Id).Where(options.Runs).ToList();
        foreach (var (figure, i) in figures.Select((f, i) => (f, i)))
        {
            // Alternate which program goes first, so a load that builds up or dies down during a run falls on both alike.
            var previousFirst = i % 2 == 0;
            var first = await RunFigureAsync(figure, previousFirst ? ("previous", previous.Assembly) : ("now", now), stop);
            var second = await RunFigureAsync(figure, previousFirst ? ("now", now) : ("previous", previous.Assembly), stop);
            table.Add(figure, previousFirst ? first : second, previousFirst ? second : first);
        }
        foreach (var asked in options.Only.Where(f => !figures.Contains(f, StringComparer.OrdinalIgnoreCase)))
            log.WriteLine($"{asked}: this program does not measure it; left out.");
        log.WriteLine($"load average at end: {BenchRunner.LoadAverage()}");
        return table;
    }

    private async Task<RunResult> RunFigureAsync(string figure, (string Side, string Assembly) program, CancellationToken stop)
    {
        // A run on a machine this loaded can fail where the next one passes (a SQLite writer
        // waiting past its busy timeout): one more try, and the failure stays in the table's notes.
        var first = await RunOnceAsync(figure, program, stop);
        if (first.Failure is null) return first;
        log.WriteLine($"{figure}, {program.Side}: failed ({first.Failure}); once more");
        var second = await RunOnceAsync(figure, program, stop);
        return second with
        {
            Notes = [second.Failure is null ? $"a first run failed ({first.Failure}); these figures are a second run's" : $"a first run failed too ({first.Failure})"],
        };
    }

    private async Task<RunResult> RunOnceAsync(string figure, (string Side, string Assembly) program, CancellationToken stop)
    {
        // The programs read the PostgreSQL server from the environment, which the options have set.
        string[] arguments = [program.Assembly, .. options.Quick ? ["--quick"] : Array.Empty<string>(), "--only", figure];
        log.WriteLine($"{figure}, {program.Side}: dotnet {string.Join(' ', arguments)}");
        var (exit, output, errors) = await ChildProcess.RunAsync("dotnet", arguments, Path.GetDirectoryName(program.Assembly)!, log, $"  [{program.Side}] ", stop);
        if (exit != 0) return RunResult.Failed($"exited with {exit}: {FirstLine(errors)}");
        try
        {
            return RunResult.Of(PrintedResults.Read(output));
        }
        catch (FormatException e)
        {
            return RunResult.Failed(e.Message);
        }
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";
}
