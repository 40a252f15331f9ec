namespace VideoGen.Grains.Storage;

/// <summary>An account's usage, read from the store.</summary>
public interface IAccountUsageStore
{
    /// <summary>
    /// The account's projects; the GPU seconds its jobs ran: the run time (start to finish of
    /// the last attempt) of every succeeded or failed job on a ComfyUI device; and its exported
    /// videos (finished exports it has not deleted).
    /// </summary>
    Task<AccountUsage> UsageOfAsync(Guid userId, CancellationToken ct);
}
