namespace VideoGen.Grains.Scripts;

/// <summary>A section of an imported script: its title and its sentences in order.</summary>
public sealed record ParsedSection(string Title, IReadOnlyList<string> Sentences);

/// <summary>A script split into sections and sentences.</summary>
public sealed record ParsedScript(IReadOnlyList<ParsedSection> Sections)
{
    public int SentenceCount => Sections.Sum(s => s.Sentences.Count);
}
