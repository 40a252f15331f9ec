using VideoGen.TestSupport.Processes;

namespace VideoGen.Silo.Tests.Deploy;

/// <summary>
/// The files in deploy/ pass their tools' own checks. Where a tool is missing the check is
/// skipped on a developer machine and fails under CI, which installs it.
/// </summary>
public sealed class DeployConfigTests
{
    private static readonly string Deploy = Path.Combine(RepositoryRoot(), "deploy");

    [ToolFact("nginx")]
    public async Task NginxSite_IncludedInAMinimalConfig_PassesNginxT()
    {
        RequireTool("nginx");
        var folder = Directory.CreateTempSubdirectory("videogen-nginx-").FullName;
        try
        {
            var config = Path.Combine(folder, "nginx.conf");
            await File.WriteAllTextAsync(config, $$"""
                pid {{folder}}/nginx.pid;
                error_log {{folder}}/error.log;
                events {}
                http { include {{Path.Combine(Deploy, "nginx", "videogen.conf")}}; }
                """);

            var (exit, output) = await RunAsync("nginx", "-t", "-p", folder, "-e", Path.Combine(folder, "error.log"), "-c", config);

            Assert.True(exit == 0, output);
            Assert.Contains("test is successful", output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [ToolFact("systemd-analyze")]
    public async Task SystemdUnits_PassSystemdAnalyzeVerify()
    {
        RequireTool("systemd-analyze");
        var folder = Directory.CreateTempSubdirectory("videogen-units-").FullName;
        try
        {
            foreach (var unit in Directory.GetFiles(Path.Combine(Deploy, "systemd")))
                File.Copy(unit, Path.Combine(folder, Path.GetFileName(unit)));
            // Templates are verified through an instance, as systemd would load them.
            File.Copy(Path.Combine(folder, "comfyui@.service"), Path.Combine(folder, "comfyui@0.service"));
            File.Copy(Path.Combine(folder, "comfyui-video@.service"), Path.Combine(folder, "comfyui-video@0.service"));
            string[] units = ["videogen-web.service", "videogen-silo.service", "comfyui@0.service", "comfyui-video@0.service"];

            var (_, output) = await RunAsync("systemd-analyze", ["verify", "--man=no", .. units.Select(u => Path.Combine(folder, u))]);

            // The studio's binaries are installed by the operator, not on the test machine.
            var problems = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(line => !line.Contains("/opt/videogen/", StringComparison.Ordinal) || !line.Contains("is not executable", StringComparison.Ordinal));
            Assert.Empty(problems);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Units_SiloStopTimeout_ExceedsTheDrainGraceOfTheExampleEnvironment()
    {
        var unit = File.ReadAllLines(Path.Combine(Deploy, "systemd", "videogen-silo.service"));
        var env = File.ReadAllLines(Path.Combine(Deploy, "env", "silo.env.example"));

        var stop = int.Parse(unit.Single(l => l.StartsWith("TimeoutStopSec=", StringComparison.Ordinal))["TimeoutStopSec=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var grace = int.Parse(env.Single(l => l.StartsWith("Silo__DrainGraceSeconds=", StringComparison.Ordinal))["Silo__DrainGraceSeconds=".Length..], System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(stop > grace + 10, $"TimeoutStopSec={stop} must exceed the drain grace {grace} s plus the host's margin");
    }

    [Theory]
    [InlineData("videogen-web.service", "web.env.example")]
    [InlineData("videogen-silo.service", "silo.env.example")]
    public void Units_TakeTheAddressAndEveryClusterSetting_FromTheirEnvironmentFile(string unitFile, string example)
    {
        var unit = File.ReadAllLines(Path.Combine(Deploy, "systemd", unitFile));
        var env = File.ReadAllLines(Path.Combine(Deploy, "env", example));
        var role = example[..example.IndexOf('.', StringComparison.Ordinal)];

        // deploy/check.sh runs the unit's own command line with another environment file, so
        // nothing that differs between two hosts may sit on the command line.
        var start = unit.Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal))["ExecStart=".Length..];
        Assert.DoesNotContain(' ', start.Trim());
        Assert.Contains($"EnvironmentFile=/etc/videogen/{role}.env", unit);
        Assert.All(new[] { "Urls", "Store__Provider", "Cluster__Id", "Cluster__AdvertisedAddress", "Cluster__SiloPort", "Cluster__GatewayPort" },
            key => Assert.Single(env, l => l.StartsWith(key + "=", StringComparison.Ordinal)));
    }

    [Fact]
    public void WebUnit_StopTimeout_ExceedsTheDefaultDrainGrace()
    {
        var unit = File.ReadAllLines(Path.Combine(Deploy, "systemd", "videogen-web.service"));
        var stop = int.Parse(unit.Single(l => l.StartsWith("TimeoutStopSec=", StringComparison.Ordinal))["TimeoutStopSec=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var needed = new VideoGen.Silo.Options.SiloOptions().DrainGraceSeconds + VideoGen.Silo.Extensions.SiloHostExtensions.ShutdownMargin.TotalSeconds;

        Assert.True(stop > needed, $"TimeoutStopSec={stop} must exceed the default drain grace plus the host's margin ({needed} s)");
    }

    [Fact]
    public void ComfyUiUnit_PinsEachInstanceToItsGpu() =>
        Assert.Contains("Environment=CUDA_VISIBLE_DEVICES=%i", File.ReadAllText(Path.Combine(Deploy, "systemd", "comfyui@.service")));

    [Fact]
    public void NginxSite_StreamsAndMedia_AreProxiedSafely()
    {
        var site = File.ReadAllText(Path.Combine(Deploy, "nginx", "videogen.conf"));

        Assert.Contains("proxy_buffering off;", site);
        Assert.Contains("proxy_read_timeout 1h;", site);
        Assert.Contains("proxy_http_version 1.1;", site);
        Assert.Contains("proxy_force_ranges on;", site);
        Assert.Contains("client_max_body_size", site);
    }

    [Fact]
    public void NginxSite_EveryLocation_PassesTheClientsHostAndScheme()
    {
        var site = File.ReadAllLines(Path.Combine(Deploy, "nginx", "videogen.conf")).Select(l => l.Trim()).Where(l => !l.StartsWith('#')).ToArray();
        string[] required = ["proxy_set_header Connection \"\";", "proxy_set_header Host $host;",
            "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;", "proxy_set_header X-Forwarded-Proto $scheme;"];

        // nginx inherits proxy_set_header into a location only when the location sets none of its own.
        var locations = new List<List<string>>();
        var server = new List<string>();
        var depth = 0;
        foreach (var line in site)
        {
            if (line.StartsWith("location ", StringComparison.Ordinal)) locations.Add([]);
            else if (depth == 2 && line != "}") locations[^1].Add(line);
            else if (depth == 1 && line.StartsWith("proxy_set_header", StringComparison.Ordinal)) server.Add(line);
            depth += line.Count(c => c == '{') - line.Count(c => c == '}');
        }
        Assert.NotEmpty(locations);
        Assert.All(required, header => Assert.Contains(header, server));
        foreach (var location in locations)
        {
            var own = location.Where(l => l.StartsWith("proxy_set_header", StringComparison.Ordinal)).ToArray();
            if (own.Length > 0) Assert.All(required, header => Assert.Contains(header, own));
        }
    }

    /// <summary>Fails when <paramref name="tool"/> is missing: the test runs only where it is installed, and always under CI.</summary>
    private static void RequireTool(string tool)
    {
        if (!ToolFactAttribute.Installed(tool)) Assert.Fail($"{tool} is not installed; CI installs it (.ci/run) so deploy/ is checked.");
    }

    private static async Task<(int Exit, string Output)> RunAsync(string tool, params string[] arguments)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var (exit, output, errors) = await ChildProcess.RunAsync(tool, arguments, Environment.CurrentDirectory, TextWriter.Null, "", timeout.Token);
        return (exit, output + errors);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "VideoGen.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("VideoGen.sln was not found above the test's folder.");
    }
}
