namespace VideoGen.Grains.Jobs;

/// <summary>Where a piece of a scene's work in a run stands.</summary>
public enum SceneRunState
{
    Queued = 0,
    Running = 1,
    Done = 2,
    Failed = 3,
    Cancelled = 4,
}
