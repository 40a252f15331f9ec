using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.TestSupport;

namespace VideoGen.Web.Tests.Api;

public sealed class ProjectsApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_List_Get_Delete_RoundTrip(string provider)
    {
        await using var session = await ApiSession.StartAsync(provider);
        var client = session.Client;

        var created = await client.PostAsJsonAsync("/api/v1/projects", new { name = "Tides", script = "# Shore\nThe tide rolls in. Dr. Lee waves.\n# Town\nShops open.", aspectRatio = "9:16" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var project = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = project.GetProperty("id").GetString();
        Assert.Equal($"/api/v1/projects/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("9:16", project.GetProperty("aspectRatio").GetString());
        Assert.Equal(["Shore", "Town"], project.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("title").GetString()));
        var first = ApiSession.Sentences(project).First();
        Assert.Equal("The tide rolls in.", first.GetProperty("text").GetString());
        Assert.StartsWith("The tide rolls in, ", first.GetProperty("imagePrompt").GetString());
        Assert.Equal("static", first.GetProperty("cameraMovement").GetString());
        Assert.Equal("idle", first.GetProperty("imageStatus").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("imageUrl").ValueKind);

        var listed = await client.GetFromJsonAsync<JsonElement>("/api/v1/projects");
        var line = Assert.Single(listed.EnumerateArray());
        Assert.Equal((id, 3), (line.GetProperty("id").GetString(), line.GetProperty("sentenceCount").GetInt32()));

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}");
        Assert.Equal(3, ApiSession.Sentences(read).Count());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/projects/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/projects/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/projects/{id}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Delete_RemovesTheProjectsJobsAndFiles_AndLeavesTheOtherProjectAlone(string provider)
    {
        await using var session = await ApiSession.StartAsync(provider);
        var jobs = session.Factory.Services.GetRequiredService<JobReader>();
        var doomed = (await session.CreateProjectAsync()).GetProperty("id").GetGuid();
        var kept = (await session.CreateProjectAsync()).GetProperty("id").GetGuid();
        var files = new Dictionary<Guid, string>();
        foreach (var id in new[] { doomed, kept })
        {
            (await session.Client.PostAsync($"/api/v1/projects/{id}/generate-scenes", null)).EnsureSuccessStatusCode();
            var folder = Directory.CreateDirectory(Path.Combine(session.Factory.MediaRoot, "projects", id.ToString("N"), Guid.NewGuid().ToString("N")));
            files[id] = Path.Combine(folder.FullName, "image.png");
            await File.WriteAllBytesAsync(files[id], [1, 2, 3]);
        }
        var keptJobs = await jobs.ListByProjectAsync(kept, CancellationToken.None);
        Assert.NotEmpty(await jobs.ListByProjectAsync(doomed, CancellationToken.None));

        Assert.Equal(HttpStatusCode.NoContent, (await session.Client.DeleteAsync($"/api/v1/projects/{doomed}")).StatusCode);

        Assert.Empty(await jobs.ListByProjectAsync(doomed, CancellationToken.None));
        Assert.False(Directory.Exists(Path.Combine(session.Factory.MediaRoot, "projects", doomed.ToString("N"))));
        Assert.True(File.Exists(files[kept]));
        var keptAfter = await jobs.ListByProjectAsync(kept, CancellationToken.None);
        Assert.Equal(keptJobs.Select(j => (j.Id, j.Status)), keptAfter.Select(j => (j.Id, j.Status)));
        Assert.All(keptAfter, j => Assert.Equal(JobStatus.Queued, j.Status));
    }

    public static TheoryData<string, HttpStatusCode, string> BadCreates => new()
    {
        { """{"name": "x", "script": ""}""", HttpStatusCode.BadRequest, "script" },
        { """{"name": "  ", "script": "One."}""", HttpStatusCode.BadRequest, "name" },
        { """{"name": "x", "script": "One.", "aspectRatio": "4:3"}""", HttpStatusCode.BadRequest, "aspectRatio" },
        { """{"script": "One."}""", HttpStatusCode.BadRequest, "" },
        { """{"name": 5, "script": "One."}""", HttpStatusCode.BadRequest, "" },
        { "{\"name\": \"x\", \"script\": \"One.\"", HttpStatusCode.BadRequest, "" },
        { "not json at all", HttpStatusCode.BadRequest, "" },
        { "[]", HttpStatusCode.BadRequest, "" },
    };

    [Theory]
    [MemberData(nameof(BadCreates))]
    public async Task Create_WithBadInput_AnswersProblemDetailsAndStoresNothing(string body, HttpStatusCode status, string field)
    {
        await using var session = await ApiSession.StartAsync("sqlite");

        var response = await session.Client.PostAsync("/api/v1/projects", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        if (field.Length > 0) Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}");
        Assert.Empty((await session.Client.GetFromJsonAsync<JsonElement>("/api/v1/projects")).EnumerateArray());
    }

    [Fact]
    public async Task Create_WithAScriptOverTheLimit_Answers413()
    {
        await using var session = await ApiSession.StartAsync("sqlite");

        var response = await session.Client.PostAsJsonAsync("/api/v1/projects", new { name = "Huge", script = new string('a', 200_001) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("200,000", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}
