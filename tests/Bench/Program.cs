using VideoGen.Bench.Comparison;

namespace VideoGen.Bench;

/// <summary>The benchmark program: measures the figures and prints them as a table, alone or beside another commit's.</summary>
public static class BenchProgram
{
    /// <summary>Runs the benchmarks the command line asks for; 2 when it cannot be read.</summary>
    public static async Task<int> Main(string[] args)
    {
        var options = BenchOptions.Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(BenchOptions.Usage);
            return 2;
        }
        // P4 and P5 start the web app with WebApplicationFactory, which finds the app's content
        // root through the MvcTestingAppManifest.json beside this program, read from the current folder.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        string table;
        try
        {
            table = options.Against is null
                ? (await new BenchRunner(options, Console.Out).RunAsync()).ToMarkdown()
                : (await new ComparisonRunner(options, Console.Out).RunAsync()).ToMarkdown();
        }
        catch (InvalidOperationException e) when (options.Against is not null)
        {
            // The commit to compare against could not be checked out or built: say so, not a stack trace.
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (OperationCanceledException) when (options.Against is not null)
        {
            await Console.Error.WriteLineAsync("Interrupted: no table.");
            return 130;
        }
        Console.WriteLine();
        Console.WriteLine(table);
        return 0;
    }
}
