using VideoGen.Grains.Jobs;

namespace VideoGen.Web.Devices;

/// <summary>
/// A device as the store has it, with the membership status of the silo holding it, each lane's
/// work, and, when it takes no work, why (<paramref name="Problem"/>).
/// </summary>
public sealed record DeviceView(DeviceSnapshot Device, SiloView? Silo, IReadOnlyList<LaneView> Lanes, string? Problem)
{
    /// <summary>Whether the device takes new work now.</summary>
    public bool TakesWork => Problem is null && Device.Status == Grains.Domain.DeviceStatus.Online;
}
