namespace VideoGen.TestSupport.FakeComfyUi;

/// <summary>A node class the fake knows: its required inputs, whether it samples (reports progress), what it saves.</summary>
internal sealed record FakeNodeType(string[] Required, bool Samples = false, FakeOutputKind Output = FakeOutputKind.None)
{
    public bool IsOutput => Output != FakeOutputKind.None;
}
