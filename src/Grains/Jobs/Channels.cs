namespace VideoGen.Grains.Jobs;

/// <summary>The PostgreSQL NOTIFY channels other processes listen on (payload-free doorbells).</summary>
public static class Channels
{
    /// <summary>New events: live pages read the log.</summary>
    public const string Events = "videogen_events";
}
