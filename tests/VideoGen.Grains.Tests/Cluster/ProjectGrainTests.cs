using VideoGen.Grains.Commands;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Projects;
using VideoGen.Grains.Scripts;

namespace VideoGen.Grains.Tests.Cluster;

[Collection(GrainClusterCollection.Name)]
public sealed class ProjectGrainTests(GrainCluster cluster)
{
    [Fact]
    public async Task Import_OfTheLargestScript_StoresEveryScene()
    {
        var project = await cluster.ImportAsync(ScriptParser.MaxSentences);

        Assert.Equal(ScriptParser.MaxSentences, project.Sentences.Count());
        Assert.All(project.Sentences, s => Assert.False(string.IsNullOrWhiteSpace(s.ImagePrompt)));
    }

    [Fact]
    public async Task Import_WithoutName_IsRefusedByFieldAndStoresNothing()
    {
        var id = Guid.NewGuid();

        var result = await cluster.Client.GetGrain<IProjectGrain>(id).Import(new ImportProject(cluster.Owner, " ", "One sentence.", AspectRatio.Landscape, null));

        Assert.Equal("name", Assert.Single(result.Errors).Field);
        Assert.False(await cluster.OwnsAsync(id));
    }

    [Fact]
    public async Task Import_RepeatedAfterALostAnswer_AnswersCreatedAndKeepsOneProject()
    {
        var id = Guid.NewGuid();
        var request = new ImportProject(cluster.Owner, "Twice", "First scene. Second scene.", AspectRatio.Square, null);
        var grain = cluster.Client.GetGrain<IProjectGrain>(id);

        Assert.True((await grain.Import(request)).Succeeded);
        Assert.True((await grain.Import(request)).Succeeded);

        var projects = await cluster.Projects.ListAsync(cluster.Owner, CancellationToken.None);
        Assert.Equal(2, Assert.Single(projects, p => p.Id == id).SentenceCount);
    }

    [Fact]
    public async Task GenerateAll_RepeatedWithItsRequestId_QueuesTheBatchOnce()
    {
        var project = await cluster.ImportAsync(3);
        var grain = cluster.Client.GetGrain<IProjectGrain>(project.Id);
        var requestId = Guid.NewGuid();

        var first = await grain.GenerateAll(requestId);
        var retried = await grain.GenerateAll(requestId);

        Assert.Equal(first, retried);
        Assert.Equal(3, first!.Total);
        var jobs = await new JobReader(cluster.Database.Database).ListByProjectAsync(project.Id, CancellationToken.None);
        Assert.Equal(6, jobs.Count);
        Assert.Equal(0, (await grain.GenerateAll(Guid.NewGuid()))!.Total);
    }

    [Fact]
    public async Task CancelScenes_AfterGenerateAll_CancelsEveryQueuedJob()
    {
        var project = await cluster.ImportAsync(4);
        var grain = cluster.Client.GetGrain<IProjectGrain>(project.Id);
        await grain.GenerateAll(Guid.NewGuid());

        Assert.Equal(8, await grain.CancelScenes());

        var jobs = await new JobReader(cluster.Database.Database).ListByProjectAsync(project.Id, CancellationToken.None);
        Assert.All(jobs, j => Assert.Equal(JobStatus.Cancelled, j.Status));
    }

    [Fact]
    public async Task Delete_ByAnotherAccount_KeepsTheProject_ByItsOwner_RemovesIt()
    {
        var project = await cluster.ImportAsync(2);
        var grain = cluster.Client.GetGrain<IProjectGrain>(project.Id);

        Assert.False(await grain.Delete(Guid.NewGuid()));
        Assert.True(await cluster.OwnsAsync(project.Id));
        Assert.True(await grain.Delete(cluster.Owner));
        Assert.False(await cluster.OwnsAsync(project.Id));
    }

    [Fact]
    public async Task StartExport_WithScenesMissingAssets_ListsThemAndQueuesNothing()
    {
        var project = await cluster.ImportAsync(2);

        var start = await cluster.Client.GetGrain<IProjectGrain>(project.Id)
            .StartExport(Guid.NewGuid(), cluster.Owner, new ExportSettings(false, ExportTransition.Cut, 24));

        Assert.Equal(ExportStartStatus.Incomplete, start.Status);
        Assert.Equal(2, start.Incomplete.Count);
        Assert.Empty(await new JobReader(cluster.Database.Database).ListByProjectAsync(project.Id, CancellationToken.None));
    }
}
