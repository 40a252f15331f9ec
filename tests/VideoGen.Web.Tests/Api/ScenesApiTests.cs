using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VideoGen.TestSupport;

namespace VideoGen.Web.Tests.Api;

public sealed class ScenesApiTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static TheoryData<string, bool, bool, bool> Edits => new()
    {
        { """{"imagePrompt": "a storm over the harbour"}""", true, true, false },
        { """{"videoPrompt": "waves crash"}""", false, true, false },
        { """{"cameraMovement": "zoomIn"}""", false, true, false },
        { """{"motionStrength": 0.9}""", false, true, false },
        { """{"text": "The tide rolls out."}""", false, false, true },
        { """{"text": "The tide rolls in."}""", false, false, false },
        { """{"seed": 12}""", false, false, false },
        { """{"isImageDirty": true, "isVideoDirty": true, "isAudioDirty": true, "imageStatus": "failed"}""", false, false, false },
        { """{"imagePrompt": "a storm", "isImageDirty": false, "isVideoDirty": false}""", true, true, false },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task PutSentence_DecidesDirtinessOnTheServer(string body, bool image, bool video, bool audio)
    {
        await using var session = await ApiSession.StartAsync("sqlite");
        var id = ApiSession.Sentences(await session.CreateProjectAsync()).First().GetProperty("id").GetString();

        var response = await session.Client.PutAsync($"/api/v1/sentences/{id}", Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sentence = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((image, video, audio), (sentence.GetProperty("isImageDirty").GetBoolean(), sentence.GetProperty("isVideoDirty").GetBoolean(), sentence.GetProperty("isAudioDirty").GetBoolean()));
        Assert.Equal("idle", sentence.GetProperty("imageStatus").GetString());
    }

    public static TheoryData<string, string> BadEdits => new()
    {
        { """{"motionStrength": 1.5}""", "motionStrength" },
        { """{"motionStrength": "fast"}""", "motionStrength" },
        { """{"cameraMovement": "spin"}""", "cameraMovement" },
        { """{"cameraMovement": 3}""", "cameraMovement" },
        { """{"text": ""}""", "text" },
        { """{"imagePrompt": 42}""", "imagePrompt" },
        { """{"seed": -1}""", "seed" },
        { """{"seed": 1.5}""", "seed" },
        { """{"imagePrompt": "fine", "motionStrength": -3}""", "motionStrength" },
        { "[1, 2]", "body" },
    };

    [Theory]
    [MemberData(nameof(BadEdits))]
    public async Task PutSentence_WithBadFields_Answers400AndChangesNothing(string body, string field)
    {
        await using var session = await ApiSession.StartAsync("sqlite");
        var project = await session.CreateProjectAsync();
        var before = ApiSession.Sentences(project).First();
        var id = before.GetProperty("id").GetString();

        var response = await session.Client.PutAsync($"/api/v1/sentences/{id}", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        var after = ApiSession.Sentences(await session.Client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project.GetProperty("id")}")).First();
        Assert.Equal(before.GetProperty("imagePrompt").GetString(), after.GetProperty("imagePrompt").GetString());
        Assert.Equal(before.GetProperty("motionStrength").GetDouble(), after.GetProperty("motionStrength").GetDouble());
        Assert.Equal(before.GetProperty("updatedAt").GetString(), after.GetProperty("updatedAt").GetString());
    }

    [Fact]
    public async Task PutSentence_MalformedJsonOrUnknownId_Answers400Or404()
    {
        await using var session = await ApiSession.StartAsync("sqlite");
        var id = ApiSession.Sentences(await session.CreateProjectAsync()).First().GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.BadRequest, (await session.Client.PutAsync($"/api/v1/sentences/{id}", Json("{\"text\": "))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.PutAsync($"/api/v1/sentences/{Guid.NewGuid()}", Json("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.PutAsync("/api/v1/sentences/not-a-guid", Json("{}"))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Regenerate_QueuesJobs_AndRefusesWhatCannotRun(string provider)
    {
        await using var session = await ApiSession.StartAsync(provider);
        var client = session.Client;
        var sentences = ApiSession.Sentences(await session.CreateProjectAsync()).Select(s => s.GetProperty("id").GetString()).ToArray();

        var image = await client.PostAsJsonAsync($"/api/v1/sentences/{sentences[0]}/regenerate-image", new { seed = 7, skipVideo = true });
        Assert.Equal(HttpStatusCode.Accepted, image.StatusCode);
        var accepted = await image.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Image regeneration started", accepted.GetProperty("message").GetString());
        var job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{accepted.GetProperty("jobId")}");
        Assert.Equal(("image", "queued", false), (job.GetProperty("kind").GetString(), job.GetProperty("status").GetString(), job.GetProperty("thenVideo").GetBoolean()));

        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/v1/sentences/{sentences[0]}/regenerate-image", new { })).StatusCode);
        var video = await client.PostAsync($"/api/v1/sentences/{sentences[1]}/regenerate-video", null);
        Assert.Equal(HttpStatusCode.Conflict, video.StatusCode);
        Assert.Contains("generate the image first", (await video.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        await client.PutAsync($"/api/v1/sentences/{sentences[1]}", Json("""{"imagePrompt": "   "}"""));
        var empty = await client.PostAsync($"/api/v1/sentences/{sentences[1]}/regenerate-image", null);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("imagePrompt", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/sentences/{sentences[2]}/regenerate-image", new { seed = -5 })).StatusCode);

        var narration = await client.PostAsync($"/api/v1/sentences/{sentences[2]}/regenerate-audio", null);
        Assert.Equal(HttpStatusCode.Accepted, narration.StatusCode);
        var narrating = await narration.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Narration regeneration started", narrating.GetProperty("message").GetString());
        job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{narrating.GetProperty("jobId")}");
        Assert.Equal(("audio", "queued"), (job.GetProperty("kind").GetString(), job.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/v1/sentences/{sentences[2]}/regenerate-audio", null)).StatusCode);

        var cancelled = await client.PostAsync($"/api/v1/jobs/{accepted.GetProperty("jobId")}/cancel", null);
        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/jobs/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ProjectBatches_GenerateProgressCancelRetryAndDirty(string provider)
    {
        await using var session = await ApiSession.StartAsync(provider);
        var client = session.Client;
        var project = await session.CreateProjectAsync();
        var id = project.GetProperty("id").GetString();

        var generated = await client.PostAsync($"/api/v1/projects/{id}/generate-scenes", null);
        Assert.Equal(HttpStatusCode.Accepted, generated.StatusCode);
        Assert.Equal(3, (await generated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());

        var progress = await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/progress");
        Assert.Equal((3, 0, 3, true), (progress.GetProperty("total").GetInt32(), progress.GetProperty("done").GetInt32(), progress.GetProperty("queued").GetInt32(), progress.GetProperty("active").GetBoolean()));

        // Each scene had two jobs waiting: its narration and its image.
        var cancelled = await client.PostAsync($"/api/v1/projects/{id}/cancel-scenes", null);
        Assert.Equal(6, (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cancelled").GetInt32());
        progress = await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/progress");
        Assert.Equal((3, 3, 0, false), (progress.GetProperty("total").GetInt32(), progress.GetProperty("cancelled").GetInt32(), progress.GetProperty("queued").GetInt32(), progress.GetProperty("active").GetBoolean()));

        var retried = await client.PostAsync($"/api/v1/projects/{id}/retry-failed-scenes", null);
        Assert.Equal(0, (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("retried").GetInt32());

        var sentence = ApiSession.Sentences(project).First().GetProperty("id").GetString();
        await client.PutAsync($"/api/v1/sentences/{sentence}", Json("""{"imagePrompt": "a new picture"}"""));
        var dirty = await client.PostAsJsonAsync($"/api/v1/projects/{id}/regenerate-dirty", new { images = true, videos = true });
        Assert.Equal(HttpStatusCode.Accepted, dirty.StatusCode);
        // The scene has no image yet: an edited prompt leaves it missing, not stale, and "generate all" makes it.
        Assert.Equal(0, (await dirty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("queued").GetInt32());

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/projects/{Guid.NewGuid()}/generate-scenes", null)).StatusCode);
    }
}
