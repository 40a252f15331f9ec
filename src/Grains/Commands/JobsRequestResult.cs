using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Commands;

/// <summary>How a request for several jobs at once was answered: the queued jobs, or why none was queued.</summary>
[GenerateSerializer, Alias("VideoGen.JobsRequestResult")]
public sealed record JobsRequestResult(IReadOnlyList<Guid> JobIds, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>The jobs were queued.</summary>
    public static JobsRequestResult Queued(IReadOnlyList<Guid> jobIds) => new(jobIds, []);

    /// <summary>Nothing was queued, for these reasons.</summary>
    public static JobsRequestResult Refused(IReadOnlyList<ValidationError> errors) => new([], errors);
}
