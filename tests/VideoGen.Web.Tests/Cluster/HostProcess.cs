using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VideoGen.TestSupport;

namespace VideoGen.Web.Tests.Cluster;

/// <summary>
/// A built host (<c>src/Web</c> or <c>src/Silo</c>) run as its own process with
/// <c>dotnet VideoGen.X.dll</c>, as an operator runs it, on its own HTTP and cluster ports.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _http;

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
    }

    /// <summary>Starts <paramref name="project"/> (<c>Web</c> or <c>Silo</c>) with <paramref name="settings"/> as environment keys.</summary>
    public static HostProcess Start(string project, IReadOnlyDictionary<string, string?> settings)
    {
        var dll = BuiltHost(project);
        var httpPort = ClusterPorts.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{httpPort}");
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var host = new HostProcess(new Process { StartInfo = start }, new Uri($"http://127.0.0.1:{httpPort}"));
        host._process.OutputDataReceived += (_, e) => host.Record(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Record(e.Data);
        host._process.Start();
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until <c>/health</c> answers healthy and returns its <c>cluster</c> part.</summary>
    public async Task<JsonElement> HealthyClusterAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                var health = await _http.GetFromJsonAsync<JsonElement>("/health");
                if (health.GetProperty("status").GetString() == "healthy") return health.GetProperty("cluster");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
                // Not listening yet, or answering 503 while its silo joins.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The host did not become healthy (exited: {_process.HasExited}). Its output ends with:\n{Tail()}");
    }

    /// <summary>Ends the process at once, as a crash or <c>kill -9</c> would: it says goodbye to no one.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        _http.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private string Tail()
    {
        lock (_output) return _output.Length <= 4000 ? _output.ToString() : _output.ToString(_output.Length - 4000, 4000);
    }

    /// <summary>The host's own build output, in the configuration these tests were built in.</summary>
    private static string BuiltHost(string project)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "VideoGen.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException($"No VideoGen.sln above {AppContext.BaseDirectory}.");
        var dll = Path.Combine(root.FullName, "src", project, "bin", configuration, testOutput.Name, $"VideoGen.{project}.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build src/{project} in {configuration} first: {dll} is missing.", dll);
        return dll;
    }
}
