using VideoGen.Grains.Domain;

namespace VideoGen.Web.Api;

/// <summary>
/// The gallery's status filter: <c>succeeded</c>, <c>processing</c> (queued or running),
/// <c>failed</c> or <c>cancelled</c>, or a job status by name; empty or <c>all</c> for every export.
/// </summary>
public static class ExportStatusFilter
{
    public const string Help = "Filter by succeeded, processing, failed, cancelled, queued or running (or all).";

    /// <summary>The choices the gallery offers, value and label.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Choices =
        [("", "All"), ("succeeded", "Completed"), ("processing", "Processing"), ("failed", "Failed"), ("cancelled", "Cancelled")];

    /// <summary>The statuses <paramref name="text"/> names; null for all of them. False for a name it does not know.</summary>
    public static bool TryParse(string? text, out IReadOnlyCollection<JobStatus>? statuses)
    {
        statuses = text?.Trim().ToLowerInvariant() switch
        {
            null or "" or "all" => null,
            "processing" => [JobStatus.Queued, JobStatus.Running],
            "completed" or "succeeded" => [JobStatus.Succeeded],
            "failed" => [JobStatus.Failed],
            "cancelled" => [JobStatus.Cancelled],
            "queued" => [JobStatus.Queued],
            "running" => [JobStatus.Running],
            _ => [],
        };
        return statuses is null || statuses.Count > 0;
    }
}
