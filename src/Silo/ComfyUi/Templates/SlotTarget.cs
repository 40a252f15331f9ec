namespace VideoGen.Silo.ComfyUi;

/// <summary>Where a slot's value goes: one input of one node of the template.</summary>
public sealed record SlotTarget(string NodeId, string Input);
