using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Scripts;
using VideoGen.TestSupport;
using VideoGen.Web.Extensions;

namespace VideoGen.Web.Tests.Api;

public sealed class RequestBodyTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task RegenerateImage_BodyOverTheLimit_Answers413AndQueuesNothing()
    {
        await using var session = await ApiSession.StartAsync("sqlite");
        var id = ApiSession.Sentences(await session.CreateProjectAsync()).First().GetProperty("id").GetString();
        var before = await StoreSnapshot.TakeAsync(session.Db.Database);

        // Well-formed, and the route ignores the unknown field: only the size is wrong.
        var response = await session.Client.PostAsync($"/api/v1/sentences/{id}/regenerate-image",
            Json($$"""{"pad": "{{new string('x', (int)ApiExtensions.MaxRequestBodySize)}}"}"""));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("at most", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(before, await StoreSnapshot.TakeAsync(session.Db.Database));
    }

    [Theory]
    [InlineData("sentences/{id}/regenerate-image", """{"seed": "7"}""", "seed", "seed must be a whole number.")]
    [InlineData("sentences/{id}/regenerate-image", """{"skipVideo": "no"}""", "skipVideo", "skipVideo must be true or false.")]
    [InlineData("projects", """{"name": 5, "script": "The tide rolls in."}""", "name", "name must be text.")]
    [InlineData("projects", """{"name": null, "script": "The tide rolls in."}""", "name", "name must be text.")]
    [InlineData("projects", """{"script": "The tide rolls in."}""", "name", "name is required.")]
    [InlineData("projects", """[1, 2]""", "body", "The body must be a JSON object.")]
    [InlineData("projects", """{"name": "Tides", """, "body", "The body is not valid JSON: ")]
    public async Task Body_OfTheWrongShape_Answers400WithTheFieldAndWhatItMustBeAndChangesNothing(string route, string body, string field, string message)
    {
        await using var session = await ApiSession.StartAsync("sqlite");
        var id = ApiSession.Sentences(await session.CreateProjectAsync()).First().GetProperty("id").GetString()!;
        var before = await StoreSnapshot.TakeAsync(session.Db.Database);

        var response = await session.Client.PostAsync("/api/v1/" + route.Replace("{id}", id), Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
        Assert.StartsWith(message, Assert.Single(Assert.Single(errors, e => e.Key == field).Value));
        Assert.Equal(before, await StoreSnapshot.TakeAsync(session.Db.Database));
    }

    [Fact]
    public async Task CreateProject_LongestScriptWithEveryCharacterEscaped_FitsUnderTheBodyLimit()
    {
        await using var session = await ApiSession.StartAsync("sqlite");
        var sentence = "É" + new string('é', SentenceRules.MaxTextLength - 3) + ".";
        var script = string.Join(' ', Enumerable.Repeat(sentence, ScriptParser.MaxScriptLength / (sentence.Length + 1)));
        var body = JsonSerializer.Serialize(new { name = "Longest", script });
        Assert.True(body.Length > ApiExtensions.MaxRequestBodySize / 2, $"{body.Length:N0} bytes is not near the limit");

        var response = await session.Client.PostAsync("/api/v1/projects", Json(body));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
