using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;

namespace VideoGen.Web.Api;

/// <summary>A device in <c>GET /api/v1/devices</c>.</summary>
public sealed record DeviceResponse(
    string Name, string Kind, string Status, string? Silo, IReadOnlyDictionary<string, LaneResponse> Lanes,
    long Completed, long Failed, DateTimeOffset? LastSeen, string? ContestedBy, DateTimeOffset? UnreachableSince)
{
    public static DeviceResponse From(DeviceSnapshot device) => new(
        device.Name,
        device.Kind switch
        {
            DeviceKind.ComfyUi => "comfyui",
            DeviceKind.Cpu => "cpu",
            _ => "preview",
        },
        device.Status.ToString().ToLowerInvariant(),
        device.Silo,
        device.Lanes.ToDictionary(l => l.ToString().ToLowerInvariant(), l => new LaneResponse(device.Running.GetValueOrDefault(l))),
        device.Completed,
        device.Failed,
        device.LastSeen,
        device.ContestedBy,
        device.UnreachableSince);
}

/// <summary>What one lane of a device runs: a job id, or null when idle.</summary>
public sealed record LaneResponse(Guid? JobId);
