using VideoGen.Silo.Lanes;

namespace VideoGen.Silo.Cluster;

/// <summary>
/// Registered after the Orleans silo, so it stops before it (hosted services stop in reverse order):
/// a stopping host drains its lanes (finish, or hand back) while it is still a member whose grains
/// answer, and only then leaves the cluster. The lanes' own service keeps its place, so lanes start
/// (and rescue lapsed leases) without waiting for the join, which a frozen member can hold up.
/// </summary>
internal sealed class DrainBeforeLeaving(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // The lanes' stop is idempotent: when the host reaches their own service later, the drain is done.
    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(services.GetServices<IHostedService>().OfType<SiloService>().Select(lanes => lanes.StopAsync(cancellationToken)));
}
