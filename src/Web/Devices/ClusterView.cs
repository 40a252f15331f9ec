namespace VideoGen.Web.Devices;

/// <summary>
/// The operator's view of the cluster at <paramref name="ReadAt"/>: its silos from membership, the
/// devices from the store, and the queues per lane kind. <paramref name="MembershipProblem"/> says why
/// the silos are missing when membership could not be read.
/// </summary>
public sealed record ClusterView(
    DateTimeOffset ReadAt, IReadOnlyList<SiloView> Silos, IReadOnlyList<DeviceView> Devices, IReadOnlyList<LaneQueueView> Queues, string? MembershipProblem);
