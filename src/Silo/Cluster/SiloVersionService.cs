using System.Reflection;
using Orleans.Runtime;

namespace VideoGen.Silo.Cluster;

/// <summary>Answers this silo's version; see <see cref="ISiloVersionService"/>.</summary>
internal sealed class SiloVersionService(GrainId id, Orleans.Runtime.Silo silo, ILoggerFactory logs)
    : GrainService(id, silo, logs), ISiloVersionService
{
    /// <summary>
    /// The studio build this silo runs, what an operator upgrading one box at a time compares: every
    /// host (web node or GPU box) carries this assembly, built from the same source.
    /// </summary>
    public static string Current { get; } = Of(typeof(SiloVersionService).Assembly);

    public Task<string> GetVersion() => Task.FromResult(Current);

    private static string Of(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";
}
