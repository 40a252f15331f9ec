using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Commands;

/// <summary>How a request for one job was answered: the queued job, or why nothing was queued.</summary>
[GenerateSerializer, Alias("VideoGen.JobRequestResult")]
public sealed record JobRequestResult(Guid? JobId, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>The job was queued.</summary>
    public static JobRequestResult Queued(Guid jobId) => new(jobId, []);

    /// <summary>Nothing was queued, for these reasons.</summary>
    public static JobRequestResult Refused(IReadOnlyList<ValidationError> errors) => new(null, errors);
}
