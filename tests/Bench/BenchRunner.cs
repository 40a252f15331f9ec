using System.Diagnostics;
using VideoGen.Bench.Figures;

namespace VideoGen.Bench;

/// <summary>Runs every figure on every engine, one after another (never two at once: they would share the two cores).</summary>
public sealed class BenchRunner(BenchOptions options, TextWriter log)
{
    /// <summary>Measures every chosen figure on every engine, logging as it goes, and returns the table.</summary>
    public async Task<ResultTable> RunAsync()
    {
        var table = new ResultTable(options.Engines);
        log.WriteLine($"VideoGen benchmarks ({(options.Quick ? "quick" : "full")} run) on {Environment.ProcessorCount} cores, engines: {string.Join(", ", options.Engines)}");
        log.WriteLine($"load average at start: {LoadAverage()}");
        foreach (var figure in Figures(options.Quick).Where(f => options.Runs(f.Id)))
        {
            foreach (var engine in options.Engines)
            {
                log.WriteLine($"{figure.Id} on {engine}…");
                var clock = Stopwatch.StartNew();
                var results = await MeasureAsync(figure, engine);
                table.Add(results);
                foreach (var r in results) log.WriteLine($"  {r.Measure}: {r.Value}");
                log.WriteLine($"  ({clock.Elapsed.TotalSeconds:0} s)");
            }
        }
        log.WriteLine($"load average at end: {LoadAverage()}");
        return table;
    }

    /// <summary>
    /// The figure's measurements on <paramref name="engine"/>, or one row saying why it failed:
    /// a figure that fails on one engine (a SQLite writer starved past its busy timeout on an
    /// overloaded machine) still leaves the other engines and figures to be measured.
    /// </summary>
    private static async Task<IReadOnlyList<Measurement>> MeasureAsync(IFigure figure, string engine)
    {
        try
        {
            return await figure.RunAsync(engine);
        }
        catch (Exception e)
        {
            var why = $"{e.GetType().Name}: {e.Message}".ReplaceLineEndings(" ").Replace('|', '/');
            return [new Measurement(figure.Id, FailedRun, "", engine, $"failed ({why})")];
        }
    }

    /// <summary>The measure of the row that stands for a figure's run that failed on an engine.</summary>
    private const string FailedRun = "the figure's run";

    /// <summary>Every figure this program measures, in the order it measures them.</summary>
    public static IReadOnlyList<IFigure> Figures(bool quick) =>
    [
        new EnqueueLatency(quick),
        new GpuUtilisation(quick),
        new Pipelining(quick),
        new SseLatency(quick),
        new PageTimes(quick),
        new QueueBurnDown(quick),
        new DirectOverhead(quick),
    ];

    /// <summary>The machine's 1, 5 and 15 minute load averages: figures taken on a busy machine say so.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}

/// <summary>One benchmark figure (P1…P7), measured on one engine at a time.</summary>
public interface IFigure
{
    /// <summary>P1…P7.</summary>
    string Id { get; }

    /// <summary>Measures the figure on a fresh store of <paramref name="engine"/> (<c>sqlite</c> or <c>postgres</c>).</summary>
    Task<IReadOnlyList<Measurement>> RunAsync(string engine);
}
