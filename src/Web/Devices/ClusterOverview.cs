using Orleans.Runtime;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Silo.Cluster;

namespace VideoGen.Web.Devices;

/// <summary>
/// Puts together what the operator sees: silos from Orleans membership (every silo, dead ones
/// included), devices from the store's registry, and the lanes' workload from the jobs table.
/// Nothing here drives a device; it reads, so it holds whoever runs the lanes.
/// </summary>
public sealed class ClusterOverview(
    IGrainFactory grains, ISiloVersions versions, DeviceRegistry registry, LaneWorkloadReader workload, TimeProvider clock, ILogger<ClusterOverview> logger)
{
    private static readonly TimeSpan MembershipWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan VersionWait = TimeSpan.FromSeconds(2);

    public async Task<ClusterView> ReadAsync(CancellationToken ct)
    {
        var devices = await registry.ListAsync(ct);
        var load = await workload.ReadAsync(ct);
        var (members, problem) = await MembersAsync(ct);
        var versionOf = await VersionsAsync(members, ct);
        var silos = members
            .OrderBy(m => m.SiloName, StringComparer.Ordinal).ThenByDescending(m => m.StartTime)
            .Select(m =>
            {
                var id = ClusterSiloId.For(m.SiloName, m.SiloAddress);
                return (Id: id, View: new SiloView(
                    m.SiloName, m.SiloAddress.ToParsableString(), m.Status.ToString().ToLowerInvariant(), Utc(m.Status == SiloStatus.Dead ? m.IAmAliveTime : m.StartTime),
                    Utc(m.IAmAliveTime), m.HostName, versionOf.GetValueOrDefault(m.SiloAddress), devices.Where(d => d.Silo == id).Select(d => d.Name).ToArray()));
            })
            .ToArray();
        var bySilo = silos.ToDictionary(s => s.Id, s => s.View);
        var views = devices.Select(d =>
        {
            var silo = d.Silo is null ? null : bySilo.GetValueOrDefault(d.Silo);
            var lanes = d.Lanes.Select(lane => new LaneView(lane,
                load.Running.FirstOrDefault(r => r.Device == d.Name && r.Lane == lane),
                load.Durations.FirstOrDefault(x => x.Device == d.Name && x.Lane == lane)?.Average)).ToArray();
            return new DeviceView(d, silo, lanes, Problem(d, silo, membershipRead: problem is null));
        }).ToArray();
        var queues = Enum.GetValues<Lane>().Select(lane =>
        {
            var counts = load.Lanes.FirstOrDefault(l => l.Lane == lane) ?? new LaneLoad(lane, 0, 0);
            var taking = views.Where(v => v.TakesWork && v.Device.Lanes.Contains(lane)).Select(v => v.Device.Name).ToArray();
            var (drainsIn, why) = DrainEstimate.For(lane, counts.Queued, taking, load.Durations);
            return new LaneQueueView(lane, counts.Queued, counts.Running, taking.Length, drainsIn, why);
        }).ToArray();
        return new ClusterView(clock.GetUtcNow(), silos.Select(s => s.View).ToArray(), views, queues, problem);
    }

    /// <summary>Why a device takes no work, in the operator's words; null when it takes work.</summary>
    private static string? Problem(DeviceSnapshot device, SiloView? silo, bool membershipRead)
    {
        if (silo?.Status == "dead")
            return $"Its silo {silo.Name} ({silo.Address}) was declared dead; it was last alive at {silo.LastAlive:yyyy-MM-dd HH:mm:ss} UTC.";
        if (silo?.Status is "shuttingdown" or "stopping")
            return $"Its silo {silo.Name} is stopping: it finishes or hands back its running jobs and takes no new ones.";
        if (device.Status == DeviceStatus.Offline)
            return device.Silo is null ? "No silo has driven it yet."
                : membershipRead && silo is null ? $"Its silo {device.Silo} is no longer a member of the cluster; last heard {When(device.LastSeen)}."
                : $"Its silo {device.Silo} stopped renewing its hold; last heard {When(device.LastSeen)}.";
        if (device.UnreachableSince is { } since)
            return $"Its {(device.Kind == DeviceKind.ComfyUi ? "ComfyUI server" : "ffmpeg")} has not answered since {since:yyyy-MM-dd HH:mm:ss} UTC; no new work goes to it until it does.";
        if (device.Status == DeviceStatus.Draining) return "It is draining: its silo takes no new work for it.";
        return null;
    }

    private async Task<(IReadOnlyList<MembershipEntry> Members, string? Problem)> MembersAsync(CancellationToken ct)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false).WaitAsync(MembershipWait, ct);
            return (hosts, null);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The page still shows devices and queues from the store while membership settles.
            logger.LogWarning(e, "Could not read the cluster's membership for the devices page");
            return ([], $"The cluster's membership could not be read ({e.GetType().Name}); silos are missing from this view.");
        }
    }

    /// <summary>Each live silo's version, asked of all at once; a silo that does not answer in time shows none.</summary>
    private async Task<Dictionary<SiloAddress, string>> VersionsAsync(IReadOnlyList<MembershipEntry> members, CancellationToken ct)
    {
        var asked = members.Where(m => m.Status == SiloStatus.Active).Select(async m =>
        {
            try { return (m.SiloAddress, Version: (string?)await versions.VersionOfAsync(m.SiloAddress).WaitAsync(VersionWait, ct)); }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogDebug(e, "Silo {Silo} did not say its version", m.SiloAddress);
                return (m.SiloAddress, Version: null);
            }
        });
        return (await Task.WhenAll(asked)).Where(v => v.Version is not null).ToDictionary(v => v.SiloAddress, v => v.Version!);
    }

    private static string When(DateTimeOffset? time) => time is { } t ? $"{t:yyyy-MM-dd HH:mm:ss} UTC" : "never";

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
