using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Web.Devices;

namespace VideoGen.Web.Tests.Pages;

/// <summary>When a queue drains: devices in parallel, each at its own recent pace, or the lane's pace when it has none.</summary>
public sealed class DrainEstimateTests
{
    private static readonly LaneDuration[] Durations =
    [
        new("gpu-a", Lane.Image, TimeSpan.FromSeconds(2), 10),
        new("gpu-b", Lane.Image, TimeSpan.FromSeconds(6), 10),
        new("gpu-a", Lane.Video, TimeSpan.FromSeconds(30), 4),
    ];

    [Theory]
    [InlineData(Lane.Image, 6, new[] { "gpu-a" }, 12.0)]           // 6 × 2 s on one device
    [InlineData(Lane.Image, 6, new[] { "gpu-a", "gpu-b" }, 9.0)]   // 1/2 + 1/6 = 2/3 job/s
    [InlineData(Lane.Image, 3, new[] { "gpu-a", "gpu-new" }, 4.0)] // gpu-new at the lane's mean, 4 s: 1/2 + 1/4 job/s
    [InlineData(Lane.Video, 2, new[] { "gpu-a", "gpu-b" }, 30.0)]  // gpu-b has no video history: the lane's 30 s
    [InlineData(Lane.Video, 0, new string[0], 0.0)]                // nothing queued drains now, devices or not
    public void For_QueuedWork_DrainsAtTheDevicesRecentPace(Lane lane, int queued, string[] devices, double seconds)
    {
        var (drainsIn, why) = DrainEstimate.For(lane, queued, devices, Durations);

        Assert.Null(why);
        Assert.Equal(seconds, drainsIn!.Value.TotalSeconds, precision: 6);
    }

    [Theory]
    [InlineData(Lane.Cpu, new[] { "cpu-a" }, "no cpu job finished")]
    [InlineData(Lane.Image, new string[0], "no device takes image work")]
    public void For_NoPaceOrNoDevice_IsUnknownAndSaysWhy(Lane lane, string[] devices, string reason)
    {
        var (drainsIn, why) = DrainEstimate.For(lane, 3, devices, Durations);

        Assert.Null(drainsIn);
        Assert.Contains(reason, why);
    }
}
