using System.Reflection;
using Orleans.Runtime;

namespace VideoGen.Silo.Cluster;

/// <summary>Answers this silo's version; see <see cref="ISiloVersionService"/>.</summary>
internal sealed class SiloVersionService(GrainId id, Orleans.Runtime.Silo silo, ILoggerFactory logs)
    : GrainService(id, silo, logs), ISiloVersionService
{
    /// <summary>The running host's version: what an operator upgrading one box at a time compares.</summary>
    public static string Current { get; } = Of(Assembly.GetEntryAssembly() ?? typeof(SiloVersionService).Assembly);

    public Task<string> GetVersion() => Task.FromResult(Current);

    private static string Of(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";
}
