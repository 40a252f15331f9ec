namespace VideoGen.TestSupport.FakeComfyUi;

/// <summary>How a prompt told to fail fails (see <see cref="FakeComfyUi.FailNextPrompts"/>).</summary>
public enum FakeFailure
{
    /// <summary><c>execution_error</c> with <c>torch.OutOfMemoryError</c> / "Allocation on device".</summary>
    OutOfMemory = 0,

    /// <summary><c>execution_error</c> with an ordinary node exception (a RuntimeError in the sampler).</summary>
    NodeError = 1,
}
