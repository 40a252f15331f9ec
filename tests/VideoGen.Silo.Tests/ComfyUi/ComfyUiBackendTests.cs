using VideoGen.Grains.Domain;
using VideoGen.Silo.ComfyUi;
using VideoGen.Silo.Devices;
using VideoGen.TestSupport.FakeComfyUi;

namespace VideoGen.Silo.Tests.ComfyUi;

public sealed class ComfyUiBackendTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task RunAsync_ImageWork_WritesThePngAndReportsSamplingProgress()
    {
        await using var harness = await ComfyUiHarness.StartAsync();
        var work = harness.ImageWork();

        var output = await harness.RunAsync(harness.Backend(Lane.Image), work);

        Assert.Equal(Path.Combine(harness.Folder, "scene-1-image.png"), output.FilePath);
        var bytes = await File.ReadAllBytesAsync(output.FilePath);
        Assert.Equal(PngSignature, bytes[..8]);
        var prompt = Assert.Single(harness.Fake.Prompts);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", prompt.PromptId);
        Assert.False(string.IsNullOrEmpty(prompt.ClientId));
        Assert.Equal(work.Prompt, prompt.Graph["6"]!["inputs"]!["text"]!.GetValue<string>());
        Assert.Equal("blurry", prompt.Graph["7"]!["inputs"]!["text"]!.GetValue<string>());
        Assert.Equal(1234567, prompt.Graph["3"]!["inputs"]!["seed"]!.GetValue<long>());
        Assert.Equal(1024, prompt.Graph["5"]!["inputs"]!["width"]!.GetValue<int>());
        Assert.Equal(576, prompt.Graph["5"]!["inputs"]!["height"]!.GetValue<int>());
        Assert.Equal($"videogen/{work.JobId:N}", prompt.Graph["9"]!["inputs"]!["filename_prefix"]!.GetValue<string>());
        var sampling = harness.Progress.Reports.Where(p => p.Step?.StartsWith("sampling", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(["sampling 1/4", "sampling 2/4", "sampling 3/4", "sampling 4/4"], sampling.Select(p => p.Step));
        Assert.Equal([0.25, 0.5, 0.75, 1.0], sampling.Select(p => p.Fraction));
        Assert.Equal(0, harness.Fake.OriginHeaders);
        Assert.Empty(harness.Fake.Errors);
    }

    [Fact]
    public async Task RunAsync_ImageWork_NamesItsWorkflowAndTheHashOfTheWorkflowAsSent()
    {
        await using var harness = await ComfyUiHarness.StartAsync();
        var backend = harness.Backend(Lane.Image);

        var first = await harness.RunAsync(backend, harness.ImageWork());
        var second = await harness.RunAsync(backend, harness.ImageWork() with { Seed = 99 });

        var sent = harness.Fake.Prompts.Select(p => Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(p.Graph.ToJsonString())))).ToArray();
        Assert.Equal(sent, new[] { first.WorkflowHash, second.WorkflowHash });
        Assert.NotEqual(first.WorkflowHash, second.WorkflowHash);
        Assert.Equal(Path.GetFileName(backend.Template.Source), first.WorkflowName);
        Assert.False(string.IsNullOrWhiteSpace(first.WorkflowName));
    }

    [Fact]
    public async Task RunAsync_VideoWorkWithSameNamedStartImageOnServer_UsesTheRenamedUploadAndA4kPlus1Length()
    {
        await using var harness = await ComfyUiHarness.StartAsync();
        harness.Fake.AddInputFile("start.png", FakePng.Create(red: 1));
        var startImage = harness.WriteFile("start.png", FakePng.Create(red: 2));

        var output = await harness.RunAsync(harness.Backend(Lane.Video), harness.VideoWork(startImage, seconds: 3.2));

        var upload = Assert.Single(harness.Fake.Uploads);
        Assert.Equal("start.png", upload.SentName);
        Assert.Equal("start (1).png", upload.StoredName);
        Assert.False(upload.Overwrite);
        var graph = Assert.Single(harness.Fake.Prompts).Graph;
        Assert.Equal("start (1).png", graph["52"]!["inputs"]!["image"]!.GetValue<string>());
        var length = graph["50"]!["inputs"]!["length"]!.GetValue<int>();
        Assert.Equal(ClipLength.Frames(3.2, 16, ClipLength.DefaultMaxFrames), length);
        Assert.Equal(53, length);
        Assert.Equal(42, graph["57"]!["inputs"]!["noise_seed"]!.GetValue<long>());
        Assert.Equal(42, graph["58"]!["inputs"]!["noise_seed"]!.GetValue<long>());
        Assert.Equal(Path.Combine(harness.Folder, "scene-1-clip.mp4"), output.FilePath);
        Assert.True(new FileInfo(output.FilePath).Length > 0);
        Assert.Contains(harness.Progress.Reports, p => p.Step == "sampling 4/4 (pass 2 of 2)" && p.Fraction == 1.0);
    }

    [Fact]
    public async Task RunAsync_PromptRouteAnswers500Twice_RetriesThenSucceeds()
    {
        await using var harness = await ComfyUiHarness.StartAsync();
        harness.Fake.FailNextRequests("/prompt", 2);

        var output = await harness.RunImageAsync();

        Assert.True(File.Exists(output.FilePath));
        Assert.Equal(3, harness.Fake.CountRequests("POST", "/prompt"));
        Assert.Single(harness.Fake.Prompts);
    }

    [Fact]
    public async Task RunAsync_PromptQueuedButItsAnswerLost_RetryFindsItAndDoesNotSubmitAgain()
    {
        await using var harness = await ComfyUiHarness.StartAsync();
        harness.Fake.LoseNextResponses("/prompt", 1);

        var output = await harness.RunImageAsync();

        Assert.True(File.Exists(output.FilePath));
        Assert.Single(harness.Fake.Prompts);
        Assert.Equal(1, harness.Fake.CountRequests("POST", "/prompt"));
    }

    [Fact]
    public async Task RunAsync_PromptRouteAlways500_FailsAsTransientAfterBoundedAttempts()
    {
        await using var harness = await ComfyUiHarness.StartAsync(o => o.MaxAttempts = 3);
        harness.Fake.FailNextRequests("/prompt", 10);

        var error = await harness.ImageFailureAsync();

        Assert.Equal(FailureCause.Transient, error.Cause);
        Assert.Contains("POST /prompt", error.Message);
        Assert.Equal(3, harness.Fake.CountRequests("POST", "/prompt"));
        Assert.Empty(harness.Fake.Prompts);
    }

    [Fact]
    public async Task RunAsync_SocketDropsMidJob_CompletesWithoutASecondSubmission()
    {
        await using var harness = await ComfyUiHarness.StartAsync();
        harness.Fake.JobDuration = TimeSpan.FromMilliseconds(200);
        harness.Fake.DropSocketDuringNextJob();

        var output = await harness.RunImageAsync();

        Assert.True(File.Exists(output.FilePath));
        Assert.Single(harness.Fake.Prompts);
        Assert.Equal(1, harness.Fake.CountRequests("POST", "/prompt"));
        await harness.Fake.WaitUntilAsync(f => f.CountRequests("GET", "/ws") == 2);
        Assert.True(harness.Fake.CountRequests("GET", "/queue") >= 1);
    }

    [Fact]
    public async Task RunAsync_SocketDropsMoreOftenThanAllowed_FailsAsTransientAndStopsItsStillRunningPrompt()
    {
        await using var harness = await ComfyUiHarness.StartAsync(o => o.MaxReconnects = 0);
        harness.Fake.JobDuration = TimeSpan.FromSeconds(1);
        harness.Fake.DropSocketDuringNextJob();

        var error = await harness.ImageFailureAsync();

        Assert.Equal(FailureCause.Transient, error.Cause);
        var interrupt = Assert.Single(harness.Fake.Interrupts);
        Assert.Equal(Assert.Single(harness.Fake.Prompts).PromptId, interrupt.PromptId);
        Assert.True(interrupt.InterruptedSomething);
    }

    [Fact]
    public async Task RunAsync_ServerRestartsMidJobLosingHistoryAndQueue_ResubmitsTheSamePromptAndSucceeds()
    {
        await using var harness = await ComfyUiHarness.StartAsync();
        harness.Fake.RestartDuringNextJob();

        var output = await harness.RunImageAsync();

        Assert.True(File.Exists(output.FilePath));
        Assert.Equal(1, harness.Fake.Restarts);
        Assert.Equal(2, harness.Fake.Prompts.Count);
        Assert.Single(harness.Fake.Prompts.Select(p => p.PromptId).Distinct());
        Assert.Equal(1, harness.Fake.MaxExecutingAtOnce);
    }

    [Fact]
    public async Task RunAsync_ServerKeepsRestarting_FailsAsTransientAfterBoundedResubmits()
    {
        await using var harness = await ComfyUiHarness.StartAsync(o => o.MaxResubmits = 1);
        harness.Fake.RestartDuringNextJob();
        var backend = harness.Backend(Lane.Image);
        var run = harness.RunAsync(backend, harness.ImageWork());
        await harness.Fake.WaitUntilAsync(f => f.Restarts == 1 && f.Prompts.Count == 2);
        harness.Fake.Restart();

        var error = await Assert.ThrowsAsync<GenerationException>(() => run);

        Assert.Equal(FailureCause.Transient, error.Cause);
        Assert.Contains("lost prompt", error.Message);
        Assert.Equal(2, harness.Fake.Prompts.Count);
    }

    [Fact]
    public async Task RunAsync_CheckpointNotInModelList_RejectedAtOnceWithTheNodeErrorDetails()
    {
        await using var harness = await ComfyUiHarness.StartAsync();
        harness.Fake.SetModels("ckpt_name", "juggernaut_xl.safetensors");

        var error = await harness.ImageFailureAsync();

        Assert.Equal(FailureCause.Rejected, error.Cause);
        Assert.Contains("Prompt outputs failed validation", error.Message);
        Assert.Contains("node 4 (CheckpointLoaderSimple)", error.Message);
        Assert.Contains("ckpt_name: 'sd_xl_base_1.0.safetensors' not in ['juggernaut_xl.safetensors']", error.Message);
        Assert.Equal(1, harness.Fake.CountRequests("POST", "/prompt"));
        Assert.Empty(harness.Fake.Prompts);
    }

    [Fact]
    public async Task RunAsync_OutOfMemoryOnce_FreesMemoryThenRetriesOnceAndSucceeds()
    {
        await using var harness = await ComfyUiHarness.StartAsync();
        harness.Fake.FailNextPrompts(1, FakeFailure.OutOfMemory);

        var output = await harness.RunImageAsync();

        Assert.True(File.Exists(output.FilePath));
        Assert.Equal(new FakeFree(UnloadModels: true, FreeMemory: true), Assert.Single(harness.Fake.Frees));
        Assert.Equal(2, harness.Fake.Prompts.Select(p => p.PromptId).Distinct().Count());
    }

    [Fact]
    public async Task RunAsync_OutOfMemoryTwice_FailsWithOutOfMemory()
    {
        await using var harness = await ComfyUiHarness.StartAsync();
        harness.Fake.FailNextPrompts(2, FakeFailure.OutOfMemory);

        var error = await harness.ImageFailureAsync();

        Assert.Equal(FailureCause.OutOfMemory, error.Cause);
        Assert.Contains("torch.OutOfMemoryError", error.Message);
        Assert.Single(harness.Fake.Frees);
        Assert.Equal(2, harness.Fake.Prompts.Count);
    }

    [Fact]
    public async Task RunAsync_NodeRaises_RejectedWithNodeTypeAndExceptionMessage()
    {
        await using var harness = await ComfyUiHarness.StartAsync();
        harness.Fake.FailNextPrompts(1, FakeFailure.NodeError);

        var error = await harness.ImageFailureAsync();

        Assert.Equal(FailureCause.Rejected, error.Cause);
        Assert.Contains("KSampler (node 3)", error.Message);
        Assert.Contains("mat1 and mat2 shapes cannot be multiplied", error.Message);
        Assert.Single(harness.Fake.Prompts);
        Assert.Empty(harness.Fake.Frees);
    }

    [Fact]
    public async Task RunAsync_FragmentedFramesAndBinaryPreviews_ReassemblesAndCompletes()
    {
        await using var harness = await ComfyUiHarness.StartAsync();
        harness.Fake.FragmentSize = 7;
        harness.Fake.SendPreviews = true;

        var output = await harness.RunImageAsync();

        Assert.True(File.Exists(output.FilePath));
        Assert.Contains(harness.Progress.Reports, p => p.Step == "sampling 4/4");
    }

    [Fact]
    public async Task RunAsync_VideoLaneGivenImageWork_RejectedWithoutSubmitting()
    {
        await using var harness = await ComfyUiHarness.StartAsync();

        var error = await Assert.ThrowsAsync<GenerationException>(() => harness.RunAsync(harness.Backend(Lane.Video), harness.ImageWork()));

        Assert.Equal(FailureCause.Rejected, error.Cause);
        Assert.Equal(0, harness.Fake.CountRequests("POST", "/prompt"));
    }

    [Fact]
    public async Task HealthProblem_ServerAnswersThenStops_NoneThenTheFailedCall()
    {
        await using var harness = await ComfyUiHarness.StartAsync();
        var backend = harness.Backend(Lane.Image);

        Assert.Null(await backend.HealthProblemAsync(CancellationToken.None));
        harness.Fake.FailNextRequests("/system_stats", 1);
        Assert.Contains("GET /system_stats", await backend.HealthProblemAsync(CancellationToken.None));
        Assert.Equal(2, harness.Fake.CountRequests("GET", "/system_stats"));
    }
}
