using System.Globalization;
using VideoGen.Silo.Devices;

namespace VideoGen.Silo.ComfyUi;

/// <summary>
/// Turns <c>progress</c> messages into <see cref="LaneProgress"/>. Sampling is nearly all of a
/// prompt's time, so the fraction follows the sampler nodes only; a workflow with several
/// sampling passes (Wan 2.2's high-noise then low-noise) splits the bar between them, so it never
/// runs backwards when the second pass starts from step 1 again.
/// </summary>
internal sealed class PromptProgress(IReadOnlyList<string> samplerNodeIds, IProgress<LaneProgress> sink)
{
    private readonly List<string> passes = [];
    private double reported;

    public void Report(double fraction, string step)
    {
        reported = Math.Max(reported, Math.Clamp(fraction, 0, 1));
        sink.Report(new LaneProgress(reported, step));
    }

    public void On(ProgressMessage message)
    {
        if (message.Max <= 0) return;
        var steps = $"{Whole(message.Value)}/{Whole(message.Max)}";
        var isSampler = message.Node is null || samplerNodeIds.Count == 0 || samplerNodeIds.Contains(message.Node);
        if (!isSampler)
        {
            Report(reported, $"node {message.Node} {steps}");
            return;
        }

        var node = message.Node ?? "";
        if (!passes.Contains(node)) passes.Add(node);
        var pass = passes.IndexOf(node);
        var passCount = Math.Max(samplerNodeIds.Count, passes.Count);
        var fraction = (pass + message.Value / message.Max) / passCount;
        Report(fraction, passCount > 1 ? $"sampling {steps} (pass {pass + 1} of {passCount})" : $"sampling {steps}");
    }

    private static string Whole(double value) => Math.Round(value).ToString(CultureInfo.InvariantCulture);
}
