using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;

namespace VideoGen.Web.Storyboard;

/// <summary>Builds what the storyboard's fragments show from the store: scenes with their work, and the toolbar.</summary>
public sealed class StoryboardViews(IProjectStore projects, ISentenceStore sentences, JobReader jobs)
{
    /// <summary>Of <paramref name="jobs"/> (a project's), those that wait or run, by sentence.</summary>
    public static ILookup<Guid, GenerationJob> Active(IEnumerable<GenerationJob> jobs) =>
        jobs.Where(j => !j.Status.IsFinished() && j.SentenceId is not null).ToLookup(j => j.SentenceId!.Value);

    /// <summary>
    /// One section as the storyboard loads it when it scrolls into view: its scenes with their work,
    /// reading only that section and the project's waiting or running jobs; null when it is not the owner's.
    /// </summary>
    public async Task<SectionView?> SectionAsync(Guid projectId, Guid sectionId, Guid ownerId, CancellationToken ct)
    {
        if (await projects.GetSectionAsync(projectId, sectionId, ownerId, ct) is not { } section) return null;
        var active = Active(await jobs.ActiveForProjectAsync(projectId, ct));
        return new SectionView(section, section.Sentences.Select(s => Scene(s, active)).ToArray());
    }

    public static SceneView Scene(Sentence sentence, ILookup<Guid, GenerationJob> active) => new(sentence, active[sentence.Id].ToArray());

    /// <summary>The sentence, or null when it is not in <paramref name="projectId"/>.</summary>
    public async Task<Sentence?> SentenceAsync(Guid projectId, Guid sentenceId, CancellationToken ct) =>
        await sentences.GetAsync(sentenceId, ct) is { } sentence && sentence.ProjectId == projectId ? sentence : null;

    /// <summary>One scene, or null when the sentence is not in <paramref name="projectId"/>.</summary>
    public async Task<SceneView?> SceneAsync(Guid projectId, Guid sentenceId, CancellationToken ct) =>
        await SentenceAsync(projectId, sentenceId, ct) is { } sentence ? new SceneView(sentence, await jobs.ActiveForSentenceAsync(sentenceId, ct)) : null;

    /// <summary>
    /// One scene for the inspector, numbered across the project's sections (a sentence's own index
    /// counts within its section); null when the project is not the owner's or the sentence not in it.
    /// </summary>
    public async Task<SceneView?> InspectedSceneAsync(Guid projectId, Guid sentenceId, Guid ownerId, CancellationToken ct)
    {
        if (await projects.GetAsync(projectId, ownerId, ct) is not { } project) return null;
        var (sentence, index) = project.Sentences.Select((s, i) => (s, i)).FirstOrDefault(p => p.s.Id == sentenceId);
        if (sentence is null) return null;
        return new SceneView(sentence, await jobs.ActiveForSentenceAsync(sentenceId, ct)) { Number = index + 1 };
    }

    public async Task<ToolbarView> ToolbarAsync(Project project, CancellationToken ct) => Toolbar(project, await jobs.ProgressAsync(project.Id, ct));

    /// <summary>The toolbar and the scenes' work of <paramref name="project"/>, from one read of its current run's jobs.</summary>
    public async Task<(ToolbarView Toolbar, ILookup<Guid, GenerationJob> Active)> BoardAsync(Project project, CancellationToken ct)
    {
        var run = await jobs.CurrentRunAsync(project.Id, ct);
        return (Toolbar(project, ProjectProgress.Of(run)), Active(run));
    }

    public static ToolbarView Toolbar(Project project, ProjectProgress progress)
    {
        var scenes = project.Sentences.ToArray();
        return new ToolbarView(project.Id, progress, scenes.Length,
            scenes.Count(SceneWork.ImageStale), scenes.Count(SceneWork.VideoStale),
            scenes.Count(s => SceneWork.Missing(s).Count > 0),
            progress.Failures.ToDictionary(f => f.SentenceId, f => scenes.FirstOrDefault(s => s.Id == f.SentenceId)?.Text ?? ""));
    }

    public Task<Project?> ProjectAsync(Guid projectId, Guid ownerId, CancellationToken ct) => projects.GetAsync(projectId, ownerId, ct);
}
