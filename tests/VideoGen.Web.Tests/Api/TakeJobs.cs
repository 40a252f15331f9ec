using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Web.Tests.Accounts;

namespace VideoGen.Web.Tests.Api;

/// <summary>Images asked for through the API and finished as a lane would, with a file under the app's media root.</summary>
internal static class TakeJobs
{
    private static readonly GpuDevice Device = new("gpu-takes", DeviceKind.ComfyUi, GpuDevice.LanesOf(DeviceKind.ComfyUi));

    /// <summary>Regenerates the scene's image with <paramref name="seed"/> (no clip) and finishes it; returns its stored path.</summary>
    public static async Task<string> ImageAsync(ApiSession session, JsonElement sentence, long seed)
    {
        var response = await session.Client.PostAsJsonAsync($"/api/v1/sentences/{sentence.GetProperty("id")}/regenerate-image", new { seed, skipVideo = true });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid();
        return (await FinishAsync(session, sentence, [jobId]))[0];
    }

    /// <summary>Runs the queued image jobs in order, each writing its file; returns their stored paths.</summary>
    public static async Task<IReadOnlyList<string>> FinishAsync(ApiSession session, JsonElement sentence, IEnumerable<Guid> jobIds)
    {
        var files = new List<string>();
        foreach (var jobId in jobIds)
        {
            var job = (await new JobReader(session.Db.Database).GetAsync(jobId, CancellationToken.None))!;
            var file = $"projects/{job.ProjectId:N}/{job.SentenceId:N}/image-{jobId:N}.png";
            var path = Path.Combine(session.Factory.MediaRoot, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, [0x89, 0x50, 0x4E, 0x47]);
            await session.Db.RunJobAsync(jobId, Device, Lane.Image,
                new JobOutput(file, Recipe: new GenerationRecipe { Prompt = sentence.GetProperty("imagePrompt").GetString(), Seed = job.Seed }), "failed");
            files.Add(file);
        }
        return files;
    }

    /// <summary>Whether the stored path's file is under the app's media root.</summary>
    public static bool Exists(ApiSession session, string file) => File.Exists(Path.Combine(session.Factory.MediaRoot, file));
}
