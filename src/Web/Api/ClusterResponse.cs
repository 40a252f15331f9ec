using VideoGen.Web.Devices;

namespace VideoGen.Web.Api;

/// <summary>
/// <c>GET /api/v1/cluster</c>: every silo of the cluster from Orleans membership, and the work
/// queued per lane kind with when it should drain. <c>membershipProblem</c> says why silos are missing.
/// </summary>
public sealed record ClusterResponse(IReadOnlyList<SiloResponse> Silos, IReadOnlyList<QueueResponse> Queues, string? MembershipProblem, DateTimeOffset ReadAt)
{
    public static ClusterResponse From(ClusterView view) => new(
        view.Silos.Select(s => new SiloResponse(s.Name, s.Address, s.Status, s.Since, s.LastAlive, s.HostName, s.Version, s.Devices)).ToArray(),
        view.Queues.Select(q => new QueueResponse(q.Lane.ToString().ToLowerInvariant(), q.Queued, q.Running, q.Devices, q.DrainsIn?.TotalSeconds, q.Why)).ToArray(),
        view.MembershipProblem,
        view.ReadAt);
}
