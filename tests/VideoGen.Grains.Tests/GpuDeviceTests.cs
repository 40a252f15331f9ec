using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Tests;

public sealed class GpuDeviceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Heartbeat_FromSecondSiloWhileFirstIsAlive_IsRefused()
    {
        var device = new GpuDevice("gpu-0", DeviceKind.ComfyUi, GpuDevice.LanesOf(DeviceKind.ComfyUi));
        device.Heartbeat("silo-a", Now);

        var refused = Assert.Throws<DomainException>(() => device.Heartbeat("silo-b", Now.AddSeconds(3)));
        Assert.Contains("silo-a", refused.Message);
        Assert.Equal("silo-a", device.Silo);
    }

    [Fact]
    public void Heartbeat_FromSecondSiloAfterLeaseRanOut_TakesTheDevice()
    {
        var device = new GpuDevice("gpu-0", DeviceKind.ComfyUi, GpuDevice.LanesOf(DeviceKind.ComfyUi));
        device.Heartbeat("silo-a", Now);

        device.Heartbeat("silo-b", Now + GpuDevice.LeaseLength + TimeSpan.FromSeconds(1));

        Assert.Equal(("silo-b", DeviceStatus.Online), (device.Silo, device.Status));
    }

    [Fact]
    public void LanesOf_ComfyUi_HasImageAndVideoLanes() =>
        Assert.Equal([Lane.Image, Lane.Video], GpuDevice.LanesOf(DeviceKind.ComfyUi));

    [Fact]
    public void Constructor_WithRepeatedLane_Throws() =>
        Assert.Throws<DomainException>(() => new GpuDevice("gpu-0", DeviceKind.ComfyUi, [Lane.Image, Lane.Image]));
}
