using VideoGen.Grains.Commands;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Projects;
using VideoGen.Grains.Storage;
using Xunit;

namespace VideoGen.TestSupport.Cluster;

/// <summary>Projects the cluster tests make through the project grain, as the studio does.</summary>
public static class ClusterProjects
{
    /// <summary>Imports a project of <paramref name="sentences"/> sentences for <paramref name="owner"/> and reads it back from the store.</summary>
    public static async Task<Project> ImportAsync(IClusterClient client, ProjectStore projects, Guid owner, int sentences)
    {
        var script = string.Join(" ", Enumerable.Range(1, sentences).Select(i => $"Scene number {i} shows the harbour at dawn."));
        var id = Guid.NewGuid();
        var result = await client.GetGrain<IProjectGrain>(id).Import(new ImportProject(owner, "Harbour", script, AspectRatio.Landscape, null));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return await projects.GetAsync(id, owner, CancellationToken.None) ?? throw new InvalidOperationException("The imported project was not stored.");
    }
}
