using VideoGen.TestSupport.Processes;

namespace VideoGen.Bench.Comparison;

/// <summary>
/// Another commit's benchmark, checked out into a temporary git worktree and built in Release:
/// the program whose figures are printed beside this one's. Disposing removes the worktree.
/// </summary>
public sealed class PreviousBuild : IAsyncDisposable
{
    private readonly Func<ValueTask> _remove;

    private PreviousBuild(string assembly, Func<ValueTask> remove)
    {
        Assembly = assembly;
        _remove = remove;
    }

    /// <summary>Its benchmark program, to run with <c>dotnet</c>.</summary>
    public string Assembly { get; }

    /// <summary>Checks <paramref name="reference"/> out beside this program's repository and builds its <c>tests/Bench</c>.</summary>
    /// <exception cref="InvalidOperationException">The reference names no commit, it has no <c>tests/Bench</c>, or it does not build.</exception>
    public static async Task<PreviousBuild> CreateAsync(string reference, TextWriter log, CancellationToken stop)
    {
        const string prefix = "  [git] ";
        // This program runs from its build output inside the repository, wherever it was started from.
        var repository = await ChildProcess.RequireAsync("git", ["rev-parse", "--show-toplevel"], AppContext.BaseDirectory, log, prefix);
        var (found, resolved, _) = await ChildProcess.RunAsync("git", ["rev-parse", "--verify", "--quiet", $"{reference}^{{commit}}"], repository, log, prefix, stop);
        if (found != 0) throw new InvalidOperationException($"\"{reference}\" names no commit in {repository}.");
        var commit = resolved.Trim();
        var folder = Path.Combine(Path.GetTempPath(), $"videogen-bench-{commit[..12]}-{Guid.NewGuid().ToString("N")[..8]}");
        await ChildProcess.RequireAsync("git", ["worktree", "add", "--detach", folder, commit], repository, log, prefix);
        async ValueTask Remove() => await ChildProcess.RunAsync("git", ["worktree", "remove", "--force", folder], repository, log, prefix);
        try
        {
            var project = Path.Combine(folder, "tests", "Bench", "VideoGen.Bench.csproj");
            if (!File.Exists(project)) throw new InvalidOperationException($"{reference} ({commit[..12]}) has no tests/Bench/VideoGen.Bench.csproj.");
            log.WriteLine($"building {reference} ({commit[..12]})'s benchmark in {folder}…");
            await ChildProcess.RequireAsync("dotnet", ["build", project, "-c", "Release", "-v", "quiet", "-nologo"], folder, log, "  [build] ", stop);
            var assembly = Directory.EnumerateFiles(Path.Combine(folder, "tests", "Bench", "bin", "Release"), "VideoGen.Bench.dll", SearchOption.AllDirectories).FirstOrDefault()
                ?? throw new InvalidOperationException($"The build of {commit[..12]} left no VideoGen.Bench.dll under tests/Bench/bin/Release.");
            return new PreviousBuild(assembly, Remove);
        }
        catch
        {
            await Remove();
            throw;
        }
    }

    /// <summary>Removes the worktree and its build output.</summary>
    public ValueTask DisposeAsync() => _remove();
}
