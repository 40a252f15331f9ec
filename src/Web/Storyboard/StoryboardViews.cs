using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;

namespace VideoGen.Web.Storyboard;

/// <summary>Builds what the storyboard's fragments show from the store: scenes with their work, and the toolbar.</summary>
public sealed class StoryboardViews(IProjectStore projects, ISentenceStore sentences, JobReader jobs)
{
    /// <summary>The project's jobs that are waiting or running, by sentence.</summary>
    public async Task<ILookup<Guid, GenerationJob>> ActiveJobsAsync(Guid projectId, CancellationToken ct) =>
        (await jobs.ListByProjectAsync(projectId, ct)).Where(j => !j.Status.IsFinished() && j.SentenceId is not null).ToLookup(j => j.SentenceId!.Value);

    public SceneView Scene(Sentence sentence, ILookup<Guid, GenerationJob> active) =>
        new(sentence.ProjectId, sentence, active[sentence.Id].ToArray());

    /// <summary>One scene, or null when the sentence is not in <paramref name="projectId"/>.</summary>
    public async Task<SceneView?> SceneAsync(Guid projectId, Guid sentenceId, CancellationToken ct)
    {
        var sentence = await sentences.GetAsync(sentenceId, ct);
        if (sentence is null || sentence.ProjectId != projectId) return null;
        return Scene(sentence, await ActiveJobsAsync(projectId, ct));
    }

    public async Task<ToolbarView> ToolbarAsync(Project project, CancellationToken ct)
    {
        var all = await jobs.ListByProjectAsync(project.Id, ct);
        return Toolbar(project, ProjectProgress.Of(all));
    }

    public static ToolbarView Toolbar(Project project, ProjectProgress progress)
    {
        var scenes = project.Sentences.ToArray();
        return new ToolbarView(project.Id, progress, scenes.Length,
            scenes.Count(s => s.IsImageDirty), scenes.Count(s => s.IsVideoDirty),
            scenes.Count(s => JobScheduler.MissingWork(s).Count > 0),
            progress.Failures.ToDictionary(f => f.SentenceId, f => scenes.FirstOrDefault(s => s.Id == f.SentenceId)?.Text ?? ""));
    }

    public Task<Project?> ProjectAsync(Guid projectId, Guid ownerId, CancellationToken ct) => projects.GetAsync(projectId, ownerId, ct);
}
