namespace VideoGen.Grains.Jobs;

/// <summary>The PostgreSQL NOTIFY channels other processes listen on (payload-free doorbells).</summary>
public static class Channels
{
    /// <summary>New or requeued work: idle lanes look for it.</summary>
    public const string Jobs = "videogen_jobs";

    /// <summary>A running job was asked to stop: silos check their running jobs.</summary>
    public const string Cancel = "videogen_cancel";
}
