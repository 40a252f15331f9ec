using VideoGen.Silo.Devices;

namespace VideoGen.Silo.Preview;

/// <summary>Passes ffmpeg's fractions on to a lane, with a step text, on the caller's thread.</summary>
internal sealed class LaneProgressRelay(IProgress<LaneProgress> lane, Func<double, string> step) : IProgress<double>
{
    public void Report(double value) => lane.Report(new LaneProgress(value, step(value)));
}
