using Dapper;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;

namespace VideoGen.Grains.Jobs;

/// <summary>
/// The devices every silo drives, in the store: a silo's heartbeat keeps its hold on a
/// device and says whether the device's backend answers; a device whose silo went silent for
/// a lease can be taken by another silo; a device held by a live silo is refused to everyone else.
/// </summary>
public sealed class DeviceRegistry(Database database, QueueTimings timings, TimeProvider clock)
{
    /// <summary>
    /// Keeps (or takes) <paramref name="silo"/>'s hold on <paramref name="device"/>, and records whether
    /// its backend answered the silo's last health check (<paramref name="answering"/>).
    /// </summary>
    public Task<DeviceHold> HeartbeatAsync(GpuDevice device, string silo, bool answering, CancellationToken ct) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var now = clock.GetUtcNow();
            var lanes = string.Join(',', device.Lanes.Select(l => (int)l));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO devices (name, kind, lanes, status) VALUES (@Name, @Kind, @lanes, 0) ON CONFLICT (name) DO NOTHING",
                new { device.Name, Kind = (int)device.Kind, lanes }, transaction, cancellationToken: ct));
            var row = await connection.QuerySingleAsync<DeviceRow>(new CommandDefinition(
                $"SELECT name, kind, lanes, silo, status, last_seen, completed, failed FROM devices WHERE name = @Name{database.RowLockClause}",
                new { device.Name }, transaction, cancellationToken: ct));
            var stored = new GpuDevice(device.Name, device.Kind, device.Lanes);
            stored.Restore(row.Silo, (DeviceStatus)row.Status, UnixTime.FromMs(row.LastSeen));
            if (!stored.CanBeTakenBy(silo, now, timings.Lease))
            {
                // Two silos configured with one device name: the operator must see it, not only the refused silo's log.
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE devices SET contested_by = @silo, contested_at = @now WHERE name = @Name",
                    new { silo, now = UnixTime.ToMs(now), device.Name }, transaction, cancellationToken: ct));
                return new DeviceHold(false, stored.Silo);
            }
            stored.Heartbeat(silo, now, timings.Lease);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE devices SET kind = @Kind, lanes = @lanes, silo = @Silo, status = @Status, last_seen = @LastSeen, " +
                "unreachable_since = CASE WHEN @answering THEN NULL ELSE COALESCE(unreachable_since, @LastSeen) END WHERE name = @Name",
                new { stored.Name, Kind = (int)stored.Kind, lanes, stored.Silo, Status = (int)stored.Status, LastSeen = UnixTime.ToMs(stored.LastSeen), answering },
                transaction, cancellationToken: ct));
            return new DeviceHold(true, silo);
        }, ct);

    /// <summary>The silo stops claiming new work on the device (running jobs go on).</summary>
    public Task<bool> DrainAsync(string name, string silo, CancellationToken ct) => SetStatusAsync(name, silo, DeviceStatus.Draining, ct);

    /// <summary>The silo lets the device go; another silo may take it at once.</summary>
    public Task<bool> ReleaseAsync(string name, string silo, CancellationToken ct) => SetStatusAsync(name, silo, DeviceStatus.Offline, ct);

    public Task<IReadOnlyList<DeviceSnapshot>> ListAsync(CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<DeviceSnapshot>>(async connection =>
        {
            var rows = await connection.QueryAsync<DeviceRow>(new CommandDefinition(
                "SELECT name, kind, lanes, silo, status, last_seen, completed, failed, contested_by, contested_at, unreachable_since FROM devices ORDER BY name",
                cancellationToken: ct));
            var now = clock.GetUtcNow();
            return rows.Select(r =>
            {
                var lanes = r.Lanes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(l => (Lane)int.Parse(l, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                var lastSeen = UnixTime.FromMs(r.LastSeen);
                // A device whose silo stopped heartbeating is offline, whatever its last word was.
                var status = lastSeen is { } seen && seen + timings.Lease >= now ? (DeviceStatus)r.Status : DeviceStatus.Offline;
                // A refused silo heartbeats like any other: its claim is current while it keeps trying.
                var contested = UnixTime.FromMs(r.ContestedAt) is { } at && at + timings.Lease >= now && r.ContestedBy != r.Silo ? r.ContestedBy : null;
                // Only a silo that drives the device checks its backend: an offline device's last word is stale.
                var unreachable = status == DeviceStatus.Offline ? null : UnixTime.FromMs(r.UnreachableSince);
                return new DeviceSnapshot(r.Name, (DeviceKind)r.Kind, lanes, r.Silo, status, lastSeen, r.Completed, r.Failed, contested, unreachable);
            }).ToArray();
        }, ct);

    private Task<bool> SetStatusAsync(string name, string silo, DeviceStatus status, CancellationToken ct) =>
        database.WriteAsync(async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE devices SET status = @status WHERE name = @name AND silo = @silo",
            new { name, silo, status = (int)status }, transaction, cancellationToken: ct)) == 1, ct);

    private sealed class DeviceRow
    {
        public string Name { get; set; } = "";
        public int Kind { get; set; }
        public string Lanes { get; set; } = "";
        public string? Silo { get; set; }
        public int Status { get; set; }
        public long? LastSeen { get; set; }
        public long Completed { get; set; }
        public long Failed { get; set; }
        public string? ContestedBy { get; set; }
        public long? ContestedAt { get; set; }
        public long? UnreachableSince { get; set; }
    }
}
