namespace VideoGen.Grains.Domain;

/// <summary>A titled part of a project's script, holding its sentences in narration order.</summary>
public sealed class Section(Guid id, Guid projectId, int index, string title, IReadOnlyList<Sentence> sentences)
{
    public Guid Id { get; } = id;
    public Guid ProjectId { get; } = projectId;
    public int Index { get; } = index;
    public string Title { get; } = title;
    public IReadOnlyList<Sentence> Sentences { get; } = sentences;
}
