using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.Http.Json;
using System.Text.Json;

namespace VideoGen.TestSupport.Processes;

/// <summary>
/// A studio host (<c>Web</c> or <c>Silo</c>) running as its own operating-system process, as an
/// operator runs it: configured by environment variables, listening on a port of its own, and
/// open to what an operator can do to a process (<c>SIGSTOP</c>, <c>SIGCONT</c>, <c>kill -9</c>).
/// The host is the build of the same configuration as the test assembly.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private HostProcess(string name, Process process, Uri address)
    {
        Name = name;
        _process = process;
        Address = address;
    }

    /// <summary>What the test calls this host in its messages.</summary>
    public string Name { get; }

    /// <summary>Where the host answers HTTP.</summary>
    public Uri Address { get; }

    /// <summary>Whether the process has ended (killed, crashed or stopped).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Every line the host wrote to its standard output and error so far.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>
    /// Starts <c>src/<paramref name="project"/></c>'s host with <paramref name="settings"/> as
    /// configuration (keys as in <c>appsettings.json</c>, <c>:</c> between sections) and a free port.
    /// Every host is a silo: unless the settings name them, it gets silo and gateway ports of its own.
    /// </summary>
    public static HostProcess Start(string project, string name, IReadOnlyDictionary<string, string?> settings)
    {
        var assembly = HostAssembly(project);
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [assembly])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Plain environment variables outrank appsettings.json, whose Urls a silo sets.
        start.Environment["Urls"] = address.ToString();
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var configuration = settings.ContainsKey("Cluster:SiloPort") ? settings : new Dictionary<string, string?>(ClusterPorts.Settings().Concat(settings));
        foreach (var (key, value) in configuration) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = new Process { StartInfo = start };
        var host = new HostProcess(name, process, address);
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) host._output.Enqueue(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) host._output.Enqueue(line.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until the host answers <c>/alive</c>; fails with its output if it exits or never answers.</summary>
    public async Task WaitUntilAliveAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Tail()}");
            try
            {
                if ((await http.GetAsync("/alive")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* busy starting */ }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{Name} did not answer /alive within {timeout.TotalSeconds:0} s:\n{Tail()}");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits until <c>/health</c> answers healthy (the store answers and this silo is Active) and returns its <c>cluster</c> part.</summary>
    public async Task<JsonElement> HealthyClusterAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                var health = await http.GetFromJsonAsync<JsonElement>("/health");
                if (health.GetProperty("status").GetString() == "healthy") return health.GetProperty("cluster");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
                // Not listening yet, or answering 503 while its silo joins.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{Name} did not become healthy (exited: {_process.HasExited}):\n{Tail()}");
    }

    /// <summary>Ends the process at once, as a crash or <c>kill -9</c> would: it says goodbye to no one.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Asks the process to stop (<c>SIGTERM</c>, as systemd does) and waits until it exits; returns its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        await SignalAsync("TERM");
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>Waits until the host wrote a line containing <paramref name="text"/>, and returns that line.</summary>
    public async Task<string> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_output.FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal)) is { } line) return line;
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before writing '{text}':\n{Tail()}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{Name} did not write '{text}' within {timeout.TotalSeconds:0} s:\n{Tail()}");
            await Task.Delay(25);
        }
    }

    /// <summary>Freezes the whole process (<c>SIGSTOP</c>): its sockets stay open, nothing in it runs.</summary>
    public Task PauseAsync() => SignalAsync("STOP");

    /// <summary>Wakes a frozen process (<c>SIGCONT</c>).</summary>
    public Task ResumeAsync() => SignalAsync("CONT");

    /// <summary>The last lines of the host's output, for failure messages.</summary>
    public string Tail(int lines = 40) => string.Join('\n', _output.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await ResumeAsync();
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private async Task SignalAsync(string signal)
    {
        if (_process.HasExited) return;
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            ?? throw new InvalidOperationException("kill did not start.");
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -{signal} {_process.Id} exited with {kill.ExitCode}.");
    }

    /// <summary>The host's assembly in the build of the test's own configuration (<c>bin/Release/net10.0</c> or <c>bin/Debug/…</c>).</summary>
    private static string HostAssembly(string project)
    {
        var build = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (build.Name, build.Parent!.Name);
        var root = build;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "VideoGen.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException($"No VideoGen.sln above {build.FullName}.");
        var assembly = Path.Combine(root.FullName, "src", project, "bin", configuration, framework, $"VideoGen.{project}.dll");
        return File.Exists(assembly) ? assembly : throw new InvalidOperationException($"{assembly} is not built: build the solution first.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
