using static VideoGen.Web.Tests.Api.RouteInputs;

namespace VideoGen.Web.Tests.Api;

/// <summary>
/// A row for every route the bad-input sweep covers ("METHOD pattern"): the bodies of wrong types,
/// and the rule-breaking values (HTML where only plain names are allowed, out-of-range numbers),
/// each route must refuse. Malformed JSON, oversized bodies, unknown, foreign and non-GUID ids and
/// path tricks are sent to every route they fit without a row saying so; a route that reads no more
/// than its ids is listed in <see cref="IdsOnly"/>. A route in neither fails the sweep, so a new
/// route cannot be skipped silently.
/// </summary>
public static class BadInputTable
{
    private const string Script = "<script>alert(1)</script>";

    /// <summary>Routes that read nothing but their ids, or nothing at all: they get the generic bad inputs only.</summary>
    public static IReadOnlySet<string> IdsOnly { get; } = new HashSet<string>
    {
        "GET api/v1/auth/manage/info",
        "GET api/v1/devices",
        "GET api/v1/cluster",
        "GET api/v1/projects",
        "GET api/v1/projects/{id:guid}",
        "DELETE api/v1/projects/{id:guid}",
        "POST api/v1/sentences/{id:guid}/regenerate-audio",
        "POST api/v1/projects/{id:guid}/generate-scenes",
        "POST api/v1/projects/{id:guid}/retry-failed-scenes",
        "POST api/v1/projects/{id:guid}/cancel-scenes",
        "GET api/v1/projects/{id:guid}/progress",
        "GET api/v1/projects/{id:guid}/events",
        "GET api/v1/jobs/{id:guid}",
        "POST api/v1/jobs/{id:guid}/cancel",
        "GET api/v1/exports/{id:guid}",
        "DELETE api/v1/exports/{id:guid}",
        "GET api/v1/projects/{id:guid}/narration",
        "GET api/v1/sentences/{id:guid}/takes",
        "POST api/v1/sentences/{id:guid}/takes/{takeId:guid}/activate",
        "DELETE api/v1/sentences/{id:guid}/takes/{takeId:guid}",
        "GET media/{**path}",
    };

    /// <summary>Every route the table knows.</summary>
    public static IEnumerable<string> Routes => Rows.Keys.Concat(IdsOnly);

    /// <summary>The route's row: its own bad inputs, none for a route in <see cref="IdsOnly"/>, or null when it has no row.</summary>
    public static RouteInputs? For(string route) => Rows.TryGetValue(route, out var inputs) ? inputs : IdsOnly.Contains(route) ? RouteInputs.None : null;

    private static IReadOnlyDictionary<string, RouteInputs> Rows { get; } = new Dictionary<string, RouteInputs>
    {
        ["POST api/v1/auth/register"] = Body(Bad("""{"email": 42, "password": "Secret-123"}""", "email"), Bad("""{"email": "a@example.test", "password": ["x"]}""", "password")),
        ["POST api/v1/auth/login"] = Body(Bad("""{"email": {}, "password": "Secret-123"}""", "email"), Bad("""{"email": "a@example.test", "password": 7}""", "password")),
        ["POST api/v1/auth/refresh"] = Body(Bad("""{"refreshToken": 12}""", "refreshToken")),
        ["GET api/v1/auth/confirmEmail"] = Query(Bad("?userId=not-a-user&code=" + Uri.EscapeDataString(Script), null, 401)),
        ["POST api/v1/auth/resendConfirmationEmail"] = Body(Bad("""{"email": false}""", "email")),
        ["POST api/v1/auth/forgotPassword"] = Body(Bad("""{"email": [1]}""", "email")),
        ["POST api/v1/auth/resetPassword"] = Body(Bad("""{"email": "a@example.test", "resetCode": 5, "newPassword": "Secret-123"}""", "resetCode")),
        ["POST api/v1/auth/manage/2fa"] = Body(Bad("""{"enable": "yes"}""", "enable")),
        ["POST api/v1/auth/manage/info"] = Body(Bad("""{"newEmail": 5}""", "newEmail"), Bad($$"""{"newEmail": "{{Script}}"}""", "email")),

        ["POST api/v1/projects"] = Body(
            Bad("""{"name": 5, "script": "The tide rolls in."}""", "name"),
            Bad("""{"name": "Tides", "script": ["The tide rolls in."]}""", "script"),
            Bad("""{"name": "Tides", "script": "The tide rolls in.", "aspectRatio": 169}""", "aspectRatio"),
            Bad("""{"name": null, "script": "The tide rolls in."}""", "name"),
            Bad("""{"script": "The tide rolls in."}""", "name"),
            Bad($$"""{"name": "Tides", "script": "The tide rolls in.", "aspectRatio": "{{Script}}"}""", "aspectRatio"),
            Bad($$"""{"name": "Tides", "script": "{{new string('a', 200_001)}}"}""", "script", 413)),

        ["PUT api/v1/sentences/{id:guid}"] = Body(
            Bad("""{"motionStrength": "fast"}""", "motionStrength"),
            Bad("""{"motionStrength": 1.5}""", "motionStrength"),
            Bad("""{"cameraMovement": "sideways"}""", "cameraMovement"),
            Bad($$"""{"cameraMovement": "{{Script}}"}""", "cameraMovement"),
            Bad("""{"seed": {}}""", "seed"),
            Bad("""{"seed": -1}""", "seed"),
            Bad("""{"text": 5}""", "text"),
            Bad("""{"text": ""}""", "text"),
            Bad("""{"imagePrompt": true}""", "imagePrompt"),
            Bad($$"""{"videoPrompt": "{{new string('a', 4_001)}}"}""", "videoPrompt")),
        ["POST api/v1/sentences/{id:guid}/regenerate-image"] = Body(
            Bad("""{"seed": "7"}""", "seed"), Bad("""{"seed": {}}""", "seed"), Bad("""{"skipVideo": "no"}""", "skipVideo"), Bad("""{"seed": -1}""", "seed")),
        ["POST api/v1/sentences/{id:guid}/regenerate-video"] = Body(Bad("""{"seed": [7]}""", "seed"), Bad("""{"seed": -1}""", "seed")),

        ["POST api/v1/sentences/{id:guid}/variations"] = Body(
            Bad("{}", "count"), Bad("""{"count": "4"}""", "count"), Bad("""{"count": 1}""", "count"), Bad("""{"count": 9}""", "count"),
            Bad("""{"count": 2.5}""", "count")),

        ["POST api/v1/projects/{id:guid}/regenerate-dirty"] = Body(Bad("""{"images": "yes"}""", "images"), Bad("""{"videos": 1}""", "videos")),

        ["POST api/v1/projects/{id:guid}/exports"] = Body(
            Bad("""{"subtitles": "yes"}""", "subtitles"),
            Bad("""{"fps": "thirty"}""", "fps"),
            Bad("""{"transitions": 1}""", "transitions"),
            Bad("""{"fps": 25}""", "fps"),
            Bad($$"""{"transitions": "{{Script}}"}""", "transitions")),
        ["GET api/v1/exports"] = Query(Bad("?status=" + Uri.EscapeDataString(Script), "status")),

        ["PUT api/v1/projects/{id:guid}/narration"] = Body(
            Bad("""{"speed": "fast"}""", "speed"),
            Bad("""{"voice": 5}""", "voice"),
            Bad("""{"speed": 9}""", "speed"),
            Bad($$"""{"voice": "{{Script}}"}""", "voice")),

    };

    private static BadInput Bad(string value, string? field, int status = 400) => new(value, field, status);
}
