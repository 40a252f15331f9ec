namespace VideoGen.Grains.Storage;

/// <summary>The things a route can name by id that belong to an account through their project.</summary>
public enum OwnedKind
{
    Project = 0,
    Sentence = 1,
    Job = 2,
    Export = 3,
    Take = 4,
}
