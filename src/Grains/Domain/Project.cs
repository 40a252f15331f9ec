using VideoGen.Grains.Scripts;

namespace VideoGen.Grains.Domain;

/// <summary>A creator's video: a narrated script in sections of sentences, and how it looks.</summary>
public sealed class Project : Entity
{
    public const int MaxNameLength = 200;
    public const int MaxStyleLength = 500;

    private Project(ProjectState state, IReadOnlyList<Section> sections)
    {
        _state = state;
        Sections = sections;
    }

    /// <summary>The project's own fields; a rename replaces it with a changed copy.</summary>
    private ProjectState _state;

    public Guid Id => _state.Id;

    /// <summary>The account the project belongs to; its sentences, jobs, exports and files belong to it through the project.</summary>
    public Guid OwnerId => _state.OwnerId;

    public string Name => _state.Name;
    public AspectRatio AspectRatio => _state.AspectRatio;

    /// <summary>Words that set the look of every derived prompt ("watercolour, warm light").</summary>
    public string Style => _state.Style;

    public DateTimeOffset CreatedAt => _state.CreatedAt;
    public IReadOnlyList<Section> Sections { get; }

    public IEnumerable<Sentence> Sentences => Sections.SelectMany(s => s.Sentences);

    /// <summary>A new project of <paramref name="ownerId"/> from a pasted script; bad input is answered with errors, not thrown.</summary>
    public static Outcome<Project> Import(Guid ownerId, string? name, string? script, AspectRatio aspectRatio, string? style, DateTimeOffset now) =>
        Import(Guid.CreateVersion7(now), ownerId, name, script, aspectRatio, style, now);

    /// <summary>A new project with the id <paramref name="projectId"/> (its grain's key) from a pasted script, named after its first heading when <paramref name="name"/> is empty; bad input is answered with errors, not thrown.</summary>
    public static Outcome<Project> Import(Guid projectId, Guid ownerId, string? name, string? script, AspectRatio aspectRatio, string? style, DateTimeOffset now)
    {
        if (projectId == Guid.Empty) throw new DomainException("A project needs an id: the project id is empty.");
        if (ownerId == Guid.Empty) throw new DomainException("A project belongs to an account: the owner id is empty.");
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(name) && ScriptParser.FirstHeading(script) is { } heading)
            name = heading.Length > MaxNameLength ? heading[..MaxNameLength].TrimEnd() : heading;
        if (CheckName(name) is { } nameProblem) errors.Add(new ValidationError("name", nameProblem));
        if (style is { Length: > MaxStyleLength })
            errors.Add(new ValidationError("style", $"The style is {style.Length} characters; at most {MaxStyleLength} are allowed."));
        if (!Enum.IsDefined(aspectRatio)) errors.Add(new ValidationError("aspectRatio", "Choose 16:9, 9:16 or 1:1."));
        var parsed = ScriptParser.Parse(script);
        errors.AddRange(parsed.Errors);
        if (errors.Count > 0 || !parsed.Succeeded) return Outcome<Project>.Failure(errors);

        var cleanStyle = string.IsNullOrWhiteSpace(style) ? PromptDeriver.DefaultStyle : style.Trim();
        var sections = parsed.Value.Sections.Select((section, sectionIndex) =>
        {
            var sectionId = Guid.CreateVersion7(now);
            var sentences = section.Sentences.Select((text, index) => Sentence.Create(
                projectId, sectionId, index, text,
                PromptDeriver.ImagePrompt(text, cleanStyle), PromptDeriver.VideoPrompt(text, cleanStyle), now)).ToArray();
            return new Section(sectionId, projectId, sectionIndex, section.Title, sentences);
        }).ToArray();

        var project = new Project(new ProjectState
        {
            Id = projectId, OwnerId = ownerId, Name = name!.Trim(), AspectRatio = aspectRatio, Style = cleanStyle, CreatedAt = now,
        }, sections);
        project.Raise(new ProjectChanged(projectId, "created"));
        return Outcome<Project>.Success(project);
    }

    /// <summary>Rebuilds a project from its stored form.</summary>
    public static Project FromState(Guid id, Guid ownerId, string name, AspectRatio aspectRatio, string style, DateTimeOffset createdAt, IReadOnlyList<Section> sections) =>
        FromState(new ProjectState { Id = id, OwnerId = ownerId, Name = name, AspectRatio = aspectRatio, Style = style, CreatedAt = createdAt }, sections);

    /// <summary>Rebuilds a project from its stored fields and its sections.</summary>
    public static Project FromState(ProjectState state, IReadOnlyList<Section> sections) => new(state, sections);

    /// <summary>The stored form of the project's own fields.</summary>
    public ProjectState ToState() => _state;

    public bool Rename(string name)
    {
        if (CheckName(name) is { } problem) throw new DomainException(problem);
        var clean = name.Trim();
        if (clean == Name) return false;
        _state = _state with { Name = clean };
        Raise(new ProjectChanged(Id, "renamed"));
        return true;
    }

    public static string? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "Give the project a name (or start the script with a # heading, which names it)."
        : name.Trim().Length > MaxNameLength ? $"The name is {name.Trim().Length} characters; at most {MaxNameLength} are allowed."
        : null;
}
