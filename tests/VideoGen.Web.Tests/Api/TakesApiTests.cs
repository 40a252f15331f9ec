using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VideoGen.TestSupport;
using VideoGen.Web.Tests.Accounts;

namespace VideoGen.Web.Tests.Api;

public sealed class TakesApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Takes_ListActivateDelete_FollowTheContract(string provider)
    {
        await using var session = await ApiSession.StartAsync(provider);
        var sentence = ApiSession.Sentences(await session.CreateProjectAsync()).First();
        var id = sentence.GetProperty("id").GetString();
        var older = await TakeJobs.ImageAsync(session, sentence, seed: 101);
        var newer = await TakeJobs.ImageAsync(session, sentence, seed: 202);

        var listed = await session.Client.GetFromJsonAsync<JsonElement>($"/api/v1/sentences/{id}/takes");
        var images = listed.GetProperty("image").EnumerateArray().ToArray();
        Assert.Equal([202L, 101L], images.Select(t => t.GetProperty("seed").GetInt64()));
        Assert.Equal([true, false], images.Select(t => t.GetProperty("active").GetBoolean()));
        Assert.Equal(("image", "/media/" + newer, "gpu-takes"),
            (images[0].GetProperty("kind").GetString(), images[0].GetProperty("url").GetString(), images[0].GetProperty("device").GetString()));
        Assert.Empty(listed.GetProperty("video").EnumerateArray());
        Assert.Empty(listed.GetProperty("audio").EnumerateArray());

        var activated = await session.Client.PostAsync($"/api/v1/sentences/{id}/takes/{images[1].GetProperty("id")}/activate", null);
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        var scene = await activated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("/media/" + older, 101L, images[1].GetProperty("id").GetString()),
            (scene.GetProperty("imageUrl").GetString(), scene.GetProperty("imageSeed").GetInt64(), scene.GetProperty("imageTakeId").GetString()));

        var refused = await session.Client.DeleteAsync($"/api/v1/sentences/{id}/takes/{images[1].GetProperty("id")}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.True(TakeJobs.Exists(session, older));

        var deleted = await session.Client.DeleteAsync($"/api/v1/sentences/{id}/takes/{images[0].GetProperty("id")}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(TakeJobs.Exists(session, newer));
        var left = await session.Client.GetFromJsonAsync<JsonElement>($"/api/v1/sentences/{id}/takes");
        Assert.Equal([images[1].GetProperty("id").GetString()], left.GetProperty("image").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Variations_OfThree_QueueThreeImagesWithFreshSeedsThatLeaveTheImage(string provider)
    {
        await using var session = await ApiSession.StartAsync(provider);
        var sentence = ApiSession.Sentences(await session.CreateProjectAsync()).First();
        var id = sentence.GetProperty("id").GetString();
        var image = await TakeJobs.ImageAsync(session, sentence, seed: 5);

        var response = await session.Client.PostAsJsonAsync($"/api/v1/sentences/{id}/variations", new { count = 3 });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var jobIds = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobIds").EnumerateArray().Select(j => j.GetGuid()).ToArray();
        Assert.Equal(3, jobIds.Length);
        foreach (var jobId in jobIds)
        {
            var job = await session.Client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}");
            Assert.Equal(("image", false), (job.GetProperty("kind").GetString(), job.GetProperty("thenVideo").GetBoolean()));
        }
        var again = await session.Client.PostAsJsonAsync($"/api/v1/sentences/{id}/variations", new { count = 2 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        await TakeJobs.FinishAsync(session, sentence, jobIds);

        var takes = await session.Client.GetFromJsonAsync<JsonElement>($"/api/v1/sentences/{id}/takes");
        var seeds = takes.GetProperty("image").EnumerateArray().Select(t => t.GetProperty("seed").GetInt64()).ToArray();
        Assert.Equal(4, seeds.Distinct().Count());
        var project = await session.Client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{(await session.Client.GetFromJsonAsync<JsonElement>("/api/v1/projects"))[0].GetProperty("id")}");
        var scene = ApiSession.Sentences(project).First();
        Assert.Equal(("/media/" + image, 5L), (scene.GetProperty("imageUrl").GetString(), scene.GetProperty("imageSeed").GetInt64()));
    }

    [Theory]
    [InlineData("""{"count": 1}""")]
    [InlineData("""{"count": 9}""")]
    [InlineData("""{}""")]
    [InlineData("""{"count": "3"}""")]
    public async Task Variations_WithABadCount_Answer400AndQueueNothing(string body)
    {
        await using var session = await ApiSession.StartAsync("sqlite");
        var id = ApiSession.Sentences(await session.CreateProjectAsync()).First().GetProperty("id").GetString();

        var response = await session.Client.PostAsync($"/api/v1/sentences/{id}/variations", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("count", out _));
        var progress = await session.Client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{(await session.Client.GetFromJsonAsync<JsonElement>("/api/v1/projects"))[0].GetProperty("id")}/progress");
        Assert.Equal(0, progress.GetProperty("queued").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TakeIds_OfAnotherSceneOrAccountOrNobody_Answer404(string provider)
    {
        await using var session = await ApiSession.StartAsync(provider);
        var scenes = ApiSession.Sentences(await session.CreateProjectAsync()).ToArray();
        await TakeJobs.ImageAsync(session, scenes[0], seed: 1);
        var mine = (await session.Client.GetFromJsonAsync<JsonElement>($"/api/v1/sentences/{scenes[0].GetProperty("id")}/takes")).GetProperty("image")[0].GetProperty("id").GetString();
        await session.Factory.CreateClient().TokensAsync("other@example.test");
        var theirs = (await OwnedIds.CreateAsync(session.Db, await session.Db.UserIdAsync("other@example.test"))).Take;

        foreach (var (scene, take) in new[] { (scenes[1], mine), (scenes[0], theirs.ToString()), (scenes[0], Guid.NewGuid().ToString()) })
        {
            var path = $"/api/v1/sentences/{scene.GetProperty("id")}/takes/{take}";
            Assert.Equal(HttpStatusCode.NotFound, (await session.Client.PostAsync(path + "/activate", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await session.Client.DeleteAsync(path)).StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MediaOfATake_NotActive_IsServedToItsOwnerAndGoesWithTheProject(string provider)
    {
        await using var session = await ApiSession.StartAsync(provider);
        var project = await session.CreateProjectAsync();
        var sentence = ApiSession.Sentences(project).First();
        var older = await TakeJobs.ImageAsync(session, sentence, seed: 1);
        var newer = await TakeJobs.ImageAsync(session, sentence, seed: 2);

        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/media/" + older)).StatusCode);
        var deleted = await session.Client.DeleteAsync($"/api/v1/projects/{project.GetProperty("id")}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(TakeJobs.Exists(session, older));
        Assert.False(TakeJobs.Exists(session, newer));
    }
}
