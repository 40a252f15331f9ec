namespace VideoGen.Silo.ComfyUi;

/// <summary>One device of <c>/system_stats</c> (a GPU, or the CPU when ComfyUI runs without one).</summary>
public sealed record ComfyUiDevice(string Name, string Type, long VramTotal, long VramFree);
