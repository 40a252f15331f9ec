using VideoGen.Grains.Domain;

namespace VideoGen.Web.Exports;

/// <summary>How pages name an export's state.</summary>
public static class ExportStatusText
{
    public static string Of(JobStatus status) => status switch
    {
        JobStatus.Queued => "Waiting",
        JobStatus.Running => "Rendering",
        JobStatus.Succeeded => "Completed",
        JobStatus.Failed => "Failed",
        _ => "Cancelled",
    };
}
