using VideoGen.Grains.Domain;

namespace VideoGen.Web.Api;

/// <summary>A whole project: its sections and their sentences in narration order.</summary>
public sealed record ProjectResponse(Guid Id, string Name, string AspectRatio, string Style, IReadOnlyList<SectionResponse> Sections)
{
    public static ProjectResponse From(Project p) => new(p.Id, p.Name, p.AspectRatio.ToText(), p.Style,
        p.Sections.Select(s => new SectionResponse(s.Id, s.Title, s.Index, s.Sentences.Select(SentenceResponse.From).ToArray())).ToArray());
}

/// <summary>A section of a project with its sentences.</summary>
public sealed record SectionResponse(Guid Id, string Title, int Index, IReadOnlyList<SentenceResponse> Sentences);

/// <summary>A line of the projects list.</summary>
public sealed record ProjectSummaryResponse(Guid Id, string Name, int SentenceCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
