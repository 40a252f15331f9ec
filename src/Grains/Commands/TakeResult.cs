using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Commands;

/// <summary>
/// How a command about one of a scene's takes was answered: done (no errors), or why not. A
/// deleted take names its file, to delete now that no row points at it.
/// </summary>
[GenerateSerializer, Alias("VideoGen.TakeResult")]
public sealed record TakeResult(IReadOnlyList<ValidationError> Errors, string? DeletedFile = null)
{
    public static readonly TakeResult Done = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static TakeResult Refused(ValidationError error) => new([error]);
}
