using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Web.Tests.Accounts;

/// <summary>Scenes with assets and exports written through the store and the queue, for tests behind the pages and the API.</summary>
public static class ExportData
{
    /// <summary>Gives every scene of the project an image, a clip and narration (stored names; the files need not exist).</summary>
    public static async Task GiveAssetsAsync(this TestDatabase db, Project project, double narrationSeconds = 1.5)
    {
        var sentences = new SentenceStore(db.Database, TimeProvider.System);
        foreach (var sentence in project.Sentences)
        {
            var folder = $"projects/{project.Id:N}/{sentence.Id:N}";
            await sentences.UpdateAsync(sentence.Id, s =>
            {
                var now = DateTimeOffset.UtcNow;
                s.ImageStored($"{folder}/image.png", now);
                s.AudioStored($"{folder}/audio.wav", narrationSeconds, now);
                s.VideoStored($"{folder}/video.mp4", now);
            }, CancellationToken.None);
        }
    }

    /// <summary>Starts an export of a project whose scenes are complete; it stays queued.</summary>
    public static async Task<ExportStart> StartExportAsync(this TestDatabase db, Guid projectId, Guid owner, ExportSettings? settings = null)
    {
        var lanes = NoLanes.Instance;
        var jobs = new JobScheduler(db.Database, lanes, TimeProvider.System);
        var start = await new ExportScheduler(db.Database, lanes, jobs, TimeProvider.System)
            .StartAsync(projectId, owner, settings ?? new ExportSettings(false, ExportTransition.Cut, 24), CancellationToken.None);
        return start.Status == ExportStartStatus.Started ? start : throw new InvalidOperationException($"The export did not start: {start.Status}.");
    }

    /// <summary>
    /// Exports a complete project through the queue on a CPU device: the export job is claimed and
    /// completed with files written under <paramref name="mediaRoot"/> (a few bytes each, not real
    /// video). Returns the export; <paramref name="succeed"/> false fails the job instead.
    /// </summary>
    public static async Task<ExportView> RunExportAsync(this TestDatabase db, string mediaRoot, Guid projectId, Guid owner, bool succeed = true, byte[]? video = null)
    {
        var start = await db.StartExportAsync(projectId, owner);
        JobOutput? output = null;
        if (succeed)
        {
            var name = $"projects/{projectId:N}/export-{start.ExportId:N}";
            Directory.CreateDirectory(Path.Combine(mediaRoot, "projects", projectId.ToString("N")));
            await File.WriteAllBytesAsync(Path.Combine(mediaRoot, name + ".mp4"), video ?? Enumerable.Range(0, 4096).Select(i => (byte)i).ToArray());
            await File.WriteAllBytesAsync(Path.Combine(mediaRoot, name + ".jpg"), [0xFF, 0xD8, 0xFF, 0xD9]);
            await File.WriteAllTextAsync(Path.Combine(mediaRoot, name + ".srt"), "1\n00:00:00,000 --> 00:00:01,500\nThe tide rolls in.\n\n");
            output = new JobOutput(name + ".mp4", 4.5, name + ".jpg", name + ".srt");
        }
        await db.RunJobAsync(start.JobId, new GpuDevice("cpu-test", DeviceKind.Cpu, GpuDevice.LanesOf(DeviceKind.Cpu)), Lane.Cpu,
            output, "ffmpeg could not render the export: disk full");
        return (await new ExportReader(db.Database).GetAsync(start.ExportId, owner, CancellationToken.None))!;
    }
}
