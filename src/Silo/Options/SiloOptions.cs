namespace VideoGen.Silo.Options;

/// <summary>Configuration section <c>Silo</c>: whether this process runs device workers, and under what name.</summary>
public sealed class SiloOptions
{
    public const string Section = "Silo";

    /// <summary>Run device workers in this process (the web app's single-machine default).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How this silo appears on the devices page and in job records; the machine name by default.</summary>
    public string Name { get; set; } = Environment.MachineName;

    /// <summary>How long running jobs may go on when the silo stops before they are handed back to the queue.</summary>
    public int DrainGraceSeconds { get; set; } = 20;

    /// <summary>
    /// The name of this silo's CPU device, whose one lane speaks narration and renders exports;
    /// <c>cpu-{Name}</c> by default, so every silo brings its own.
    /// </summary>
    public string? CpuDevice { get; set; }

    /// <summary>The CPU device's name as configured, or the default for this silo.</summary>
    public string CpuDeviceName => string.IsNullOrWhiteSpace(CpuDevice) ? $"cpu-{Name}" : CpuDevice.Trim();
}
