namespace VideoGen.Grains.Jobs;

/// <summary>
/// The scenes of a run by how their work in it ended: a scene whose work was asked for twice in the
/// run counts once, by its last request.
/// </summary>
public sealed record RunOutcome(int Scenes, int Done, int Failed, int Cancelled)
{
    public static readonly RunOutcome None = new(0, 0, 0, 0);
}
