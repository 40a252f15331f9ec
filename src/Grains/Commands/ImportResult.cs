using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Commands;

/// <summary>How an import was answered: the project exists, or why it was not made.</summary>
[GenerateSerializer, Alias("VideoGen.ImportResult")]
public sealed record ImportResult(IReadOnlyList<ValidationError> Errors)
{
    /// <summary>The project was stored (by this request or by an earlier try of it).</summary>
    public static readonly ImportResult Created = new([]);

    /// <summary>True when the project exists.</summary>
    public bool Succeeded => Errors.Count == 0;
}
