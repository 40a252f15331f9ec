namespace VideoGen.Grains.Domain;

/// <summary>What asking to cancel a job did.</summary>
public enum CancelResult
{
    /// <summary>The job was queued and is now cancelled.</summary>
    Cancelled = 0,

    /// <summary>The job is running; its lane stops the work and then records it cancelled.</summary>
    Requested = 1,

    /// <summary>The job had already finished; nothing changed.</summary>
    AlreadyFinished = 2,
}
