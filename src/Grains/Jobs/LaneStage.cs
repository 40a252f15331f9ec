namespace VideoGen.Grains.Jobs;

/// <summary>
/// Where a running job is in its lane. A lane keeps its GPU busy by claiming and preparing the next
/// job while one computes, and by storing an output while the next computes; the store allows one
/// job on the device and one next job per lane (stored as <c>jobs.lane_stage</c>).
/// </summary>
public enum LaneStage
{
    /// <summary>The job's work is on the device (or about to be submitted to it).</summary>
    OnDevice = 0,

    /// <summary>Claimed and prepared, waiting for the job on the device to leave it.</summary>
    Next = 1,

    /// <summary>Its work has left the device (the prompt ended); its output is being fetched and stored.</summary>
    Storing = 2,
}

/// <summary>The step a job shows while it is a lane's next job.</summary>
public static class LaneSteps
{
    public const string UpNext = "up next";
}
