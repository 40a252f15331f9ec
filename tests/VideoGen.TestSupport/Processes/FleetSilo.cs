using VideoGen.TestSupport.FakeComfyUi;

namespace VideoGen.TestSupport.Processes;

/// <summary>A silo process of a <see cref="SiloFleet"/> and the fake ComfyUI its one GPU device drives.</summary>
/// <param name="Host">The <c>src/Silo</c> process.</param>
/// <param name="ComfyUi">The fake ComfyUI behind the silo's device.</param>
/// <param name="Device">The name the silo declares its device under.</param>
/// <param name="Started">When the process was started.</param>
public sealed record FleetSilo(HostProcess Host, FakeComfyUi.FakeComfyUi ComfyUi, string Device, DateTime Started);
