using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;
using VideoGen.TestSupport.FakeSpeech;

namespace VideoGen.Silo.Tests.Narration;

/// <summary>Narration through a silo's CPU lane: spoken, normalised, measured, and its length stored on the sentence.</summary>
public sealed class NarrationLaneTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RegenerateAudio_WithEspeak_StoresTheMeasuredDurationOnTheSentence(string provider)
    {
        await using var backends = new RealBackends();
        await using var cluster = await QueueCluster.StartAsync(provider);
        await cluster.StartSiloAsync("a", backends.Cpu("cpu-a"));
        var project = await cluster.ImportAsync("The lighthouse keeper lights the lamp.");
        var sentenceId = project.Sentences.Single().Id;

        var job = (await cluster.Scheduler.RegenerateAudioAsync(sentenceId, CancellationToken.None)).Value!;
        var done = await cluster.WaitForJobAsync(job.Id, JobStatus.Succeeded, TimeSpan.FromSeconds(30));

        var sentence = (await cluster.Sentences.GetAsync(sentenceId, CancellationToken.None))!;
        var wav = await backends.Probe.ProbeAsync(cluster.Media.ToAbsolute(sentence.AudioFile!)!, CancellationToken.None);
        Assert.Equal(("cpu-a", Lane.Cpu), (done.Device, done.Lane));
        Assert.EndsWith(".wav", sentence.AudioFile);
        Assert.Equal(("pcm_s16le", 1), (wav.Audio!.CodecName, wav.Streams.Count));
        Assert.InRange(sentence.AudioDuration!.Value, 1.0, 6.0);
        Assert.Equal(wav.DurationSeconds!.Value, sentence.AudioDuration.Value, 0.001);
        Assert.Equal((false, AssetStatus.Idle), (sentence.IsAudioDirty, sentence.AudioStatus));
        // No clip yet, but new narration of a new length makes any clip stale.
        Assert.True(sentence.IsVideoDirty);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RegenerateAudio_AfterTheProjectSpeedsUp_SpeaksFasterAndMakesTheClipStale(string provider)
    {
        await using var backends = new RealBackends();
        await using var cluster = await QueueCluster.StartAsync(provider);
        await cluster.StartSiloAsync("a", backends.Cpu("cpu-a"));
        var project = await cluster.ImportAsync("The lighthouse keeper climbs the stairs and lights the lamp before the storm.");
        var sentenceId = project.Sentences.Single().Id;
        var first = (await cluster.Scheduler.RegenerateAudioAsync(sentenceId, CancellationToken.None)).Value!;
        await cluster.WaitForJobAsync(first.Id, JobStatus.Succeeded, TimeSpan.FromSeconds(30));
        await cluster.Sentences.UpdateAsync(sentenceId, s => s.VideoStored("clip.mp4", DateTimeOffset.UtcNow), CancellationToken.None);
        var normal = (await cluster.Sentences.GetAsync(sentenceId, CancellationToken.None))!.AudioDuration!.Value;

        await new NarrationSettingsStore(cluster.Database.Database, TimeProvider.System)
            .ChangeAsync(project.Id, cluster.Owner, new NarrationSettings("en-gb", 2.0), CancellationToken.None);
        Assert.True((await cluster.Sentences.GetAsync(sentenceId, CancellationToken.None))!.IsAudioDirty);
        var second = (await cluster.Scheduler.RegenerateAudioAsync(sentenceId, CancellationToken.None)).Value!;
        await cluster.WaitForJobAsync(second.Id, JobStatus.Succeeded, TimeSpan.FromSeconds(30));

        var sentence = (await cluster.Sentences.GetAsync(sentenceId, CancellationToken.None))!;
        Assert.InRange(sentence.AudioDuration!.Value, normal * 0.4, normal * 0.75);
        Assert.Equal((false, true), (sentence.IsAudioDirty, sentence.IsVideoDirty));
        // The replaced narration stays, as a take the creator can pick again.
        var firstOutput = (await cluster.Jobs.GetAsync(first.Id, CancellationToken.None))!.Output!;
        Assert.True(File.Exists(cluster.Media.ToAbsolute(firstOutput)));
        var takes = await new TakeStore(cluster.Database.Database, TimeProvider.System).ListAsync(sentenceId, CancellationToken.None);
        Assert.Equal([sentence.AudioFile, firstOutput], takes.Select(t => t.File));
        Assert.Equal(normal, takes[1].DurationSeconds);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RegenerateAudio_WithAnOpenAiCompatibleServer_SendsTheRequestAndStoresTheLengthOfItsAnswer(string provider)
    {
        await using var speech = await FakeSpeechServer.StartAsync();
        await using var backends = new RealBackends(new Dictionary<string, string?>
        {
            ["Speech:Engine"] = "openai", ["Speech:Url"] = speech.BaseUrl.ToString(), ["Speech:Model"] = "kokoro",
            ["Speech:Voice"] = "af_heart", ["Speech:ApiKey"] = "local-secret",
        });
        await using var cluster = await QueueCluster.StartAsync(provider);
        await cluster.StartSiloAsync("a", backends.Cpu("cpu-a"));
        var project = await cluster.ImportAsync("Waves fold over the reef.");
        var sentenceId = project.Sentences.Single().Id;

        var job = (await cluster.Scheduler.RegenerateAudioAsync(sentenceId, CancellationToken.None)).Value!;
        await cluster.WaitForJobAsync(job.Id, JobStatus.Succeeded, TimeSpan.FromSeconds(30));

        var call = Assert.Single(speech.Calls);
        Assert.Equal(("kokoro", "af_heart", "Waves fold over the reef.", "wav", 1.0, "Bearer local-secret"),
            (call.Model, call.Voice, call.Input, call.ResponseFormat, call.Speed, call.Authorization));
        var sentence = (await cluster.Sentences.GetAsync(sentenceId, CancellationToken.None))!;
        Assert.Equal(speech.SecondsFor(call.Input), sentence.AudioDuration!.Value, 0.001);
        var wav = await backends.Probe.ProbeAsync(cluster.Media.ToAbsolute(sentence.AudioFile!)!, CancellationToken.None);
        Assert.Equal("pcm_s16le", wav.Audio!.CodecName);
    }
}
