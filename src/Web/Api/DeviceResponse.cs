using VideoGen.Grains.Domain;
using VideoGen.Web.Devices;

namespace VideoGen.Web.Api;

/// <summary>
/// A device in <c>GET /api/v1/devices</c>. After the fields of the original contract: the membership
/// address and status of the silo holding it, whether it takes work now and, if not, why.
/// </summary>
public sealed record DeviceResponse(
    string Name, string Kind, string Status, string? Silo, IReadOnlyDictionary<string, LaneResponse> Lanes,
    long Completed, long Failed, DateTimeOffset? LastSeen, string? ContestedBy, DateTimeOffset? UnreachableSince,
    string? SiloAddress, string? SiloStatus, bool TakesWork, string? Problem)
{
    public static DeviceResponse From(DeviceView view)
    {
        var device = view.Device;
        return new(
            device.Name,
            device.Kind switch
            {
                DeviceKind.ComfyUi => "comfyui",
                DeviceKind.Cpu => "cpu",
                _ => "preview",
            },
            device.Status.ToString().ToLowerInvariant(),
            device.Silo,
            view.Lanes.ToDictionary(l => l.Lane.ToString().ToLowerInvariant(), LaneResponse.From),
            device.Completed,
            device.Failed,
            device.LastSeen,
            device.ContestedBy,
            device.UnreachableSince,
            view.Silo?.Address,
            view.Silo?.Status,
            view.TakesWork,
            view.Problem);
    }
}
