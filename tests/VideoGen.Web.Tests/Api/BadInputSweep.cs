using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using VideoGen.Web.Api;
using VideoGen.Web.Extensions;
using VideoGen.Web.Tests.Accounts;

namespace VideoGen.Web.Tests.Api;

/// <summary>
/// Sends every bad input that fits a route and lists each (request, input, status) that broke the
/// rule: the right 4xx, problem details naming the problem, and another account's id answered
/// exactly like an unknown one. Bodies go with the caller's own ids, so the body is the only thing wrong.
/// </summary>
public sealed class BadInputSweep(HttpClient client, OwnedIds mine, OwnedIds theirs)
{
    private const string MediaPattern = "media/{**path}";

    private static readonly HashSet<int> NotFound = [404];

    /// <summary>A path trick may match no route, another route's path without this method, or be refused as a path.</summary>
    private static readonly HashSet<int> PathTrickRefused = [400, 404, 405];

    /// <summary>Values that are no GUID, put in place of an id.</summary>
    private static readonly string[] NotIds = ["not-a-guid", "12345", Uri.EscapeDataString("1' OR '1'='1"), Uri.EscapeDataString("<script>")];

    /// <summary>Ids that try to climb out of their route.</summary>
    private static readonly string[] IdTricks = ["..%2F..%2Fprojects", "%2e%2e", "..%5C..%5Cexports", "%2Fetc%2Fpasswd"];

    /// <summary>Media paths that are not plain relative paths: dot segments (encoded or double-encoded), backslashes, absolute paths, drive letters.</summary>
    private static readonly string[] MediaTricks =
    [
        "..%2F..%2Fvideogen.db", "projects%2F..%2F..%2F..%2Fetc%2Fpasswd", "projects/%2e%2e/%2e%2e/videogen.db", "%252e%252e%252Fvideogen.db",
        "%2Fetc%2Fpasswd", "%5Cetc%5Cpasswd", "..%5C..%5Cvideogen.db", "C:%5CWindows%5Cwin.ini", "C:/Windows/win.ini",
    ];

    /// <summary>How many requests the sweep sent.</summary>
    public int Sent { get; private set; }

    /// <summary>Sends the route's bad inputs; returns one line per breach.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(MappedRoute route, string method)
    {
        var key = $"{method} {route.Pattern}";
        if (BadInputTable.For(key) is not { } inputs)
            return [$"{key}: no row in {nameof(BadInputTable)}, so the sweep does not know what bad input it must refuse"];
        var takesBody = route.Endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not null;
        if (takesBody != inputs.Bodies.Count > 0)
            return [$"{key}: takes a body = {takesBody}, but its row lists {inputs.Bodies.Count} bad bodies"];

        var breaches = new List<string>();
        foreach (var probe in Probes(route, inputs, takesBody))
            breaches.AddRange(Check(method, probe, await SendAsync(method, probe)));
        if (route.Parameters.Count > 0) breaches.AddRange(await CompareForeignWithUnknownAsync(route, method, takesBody));
        return breaches;
    }

    private IEnumerable<Probe> Probes(MappedRoute route, RouteInputs inputs, bool takesBody)
    {
        var own = route.Path(mine.ValueFor);
        var idBody = takesBody ? "{}" : null;
        if (route.Pattern == MediaPattern)
            foreach (var trick in MediaTricks)
            {
                yield return new Probe($"path trick {trick}", route.RawPath(_ => trick), null, PathTrickRefused);
                yield return new Probe($"path trick {trick} as download", route.RawPath(_ => trick) + "?download=1", null, PathTrickRefused);
            }
        else if (route.Parameters.Count > 0)
        {
            foreach (var notId in NotIds)
                yield return new Probe($"id '{Uri.UnescapeDataString(notId)}'", route.RawPath(_ => notId), idBody, NotFound);
            foreach (var trick in IdTricks)
                yield return new Probe($"id {trick}", route.RawPath(_ => trick), idBody, PathTrickRefused);
        }

        if (takesBody)
        {
            yield return new Probe("malformed JSON", own, """{"name": "Tides", """, Status(400), JsonBodyErrors.BodyKey);
            yield return new Probe("a JSON array for an object", own, "[1, 2]", Status(400), JsonBodyErrors.BodyKey);
            yield return new Probe("JSON sent as text/plain", own, "{}", Status(415), ContentType: "text/plain");
            yield return new Probe("body over the size limit", own, Oversized(), Status(413));
        }
        foreach (var body in inputs.Bodies)
            yield return new Probe(Shorten(body.Value), own, body.Value, Status(body.Status), body.Field);
        foreach (var query in inputs.Queries)
            yield return new Probe($"query {query.Value}", own + query.Value, null, Status(query.Status), query.Field);
    }

    /// <summary>Another account's id must answer exactly what an id nobody has answers: same status, same words.</summary>
    private async Task<IReadOnlyList<string>> CompareForeignWithUnknownAsync(MappedRoute route, string method, bool takesBody)
    {
        var unknown = new OwnedIds(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), $"projects/{Guid.NewGuid():N}/{Guid.NewGuid():N}/image.png", Guid.NewGuid(), Guid.NewGuid());
        var body = takesBody ? "{}" : null;
        List<string> unknownIds = [], foreignIds = [];
        var unknownProbe = new Probe("unknown id", route.Path(p => Noted(unknownIds, unknown.ValueFor(p))), body, NotFound);
        var foreignProbe = new Probe("another account's id", route.Path(p => Noted(foreignIds, theirs.ValueFor(p))), body, NotFound);
        var (unknownAnswer, foreignAnswer) = (await SendAsync(method, unknownProbe), await SendAsync(method, foreignProbe));
        var breaches = Check(method, unknownProbe, unknownAnswer).Concat(Check(method, foreignProbe, foreignAnswer)).ToList();
        if (Problem(unknownAnswer, unknownIds) != Problem(foreignAnswer, foreignIds))
            breaches.Add($"{method} {foreignProbe.Path} [another account's id]: {foreignAnswer.Status} {foreignAnswer.Body} differs from an unknown id's {unknownAnswer.Status} {unknownAnswer.Body}");
        return breaches;
    }

    private static string Noted(List<string> ids, string id)
    {
        ids.Add(id);
        return id;
    }

    /// <summary>What a client learns from an answer (the trace id aside), with every id asked for masked.</summary>
    private static string Problem(Answer answer, IReadOnlyList<string> ids)
    {
        if (answer.ContentType != "application/problem+json") return $"{answer.Status} {answer.Body}";
        var problem = JsonNode.Parse(answer.Body)!.AsObject();
        problem.Remove("traceId");
        return ids.Aggregate($"{answer.Status} {problem.ToJsonString()}", (text, id) => text.Replace(id, "{id}", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<Answer> SendAsync(string method, Probe probe)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), probe.Path);
        if (probe.Body is not null) request.Content = new StringContent(probe.Body, Encoding.UTF8, probe.ContentType);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Sent++;
        var text = await response.Content.ReadAsStringAsync();
        return new Answer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text);
    }

    private static IEnumerable<string> Check(string method, Probe probe, Answer answer)
    {
        var where = $"{method} {probe.Path[..Math.Min(probe.Path.Length, 120)]} [{probe.Input}]: {answer.Status}";
        if (!probe.Expected.Contains(answer.Status))
        {
            yield return $"{where}, expected {string.Join(" or ", probe.Expected)}: {Shorten(answer.Body)}";
            yield break;
        }
        if (answer.ContentType != "application/problem+json")
        {
            yield return $"{where} without problem details ({answer.ContentType ?? "no content type"})";
            yield break;
        }
        if (TypeNames.Any(t => answer.Body.Contains(t, StringComparison.Ordinal)))
            yield return $"{where}: the problem details speak of the server's types: {Shorten(answer.Body)}";
        if (probe.Names is { } field && !Names(answer, field))
            yield return $"{where}: the problem details do not name '{field}'{(answer.Status == 400 ? " among their errors" : "")}: {Shorten(answer.Body)}";
    }

    /// <summary>What a client must never read in an answer: the names of the server's own types.</summary>
    private static readonly string[] TypeNames = ["System.", "VideoGen.", "Microsoft."];

    /// <summary>
    /// Whether the problem names <paramref name="field"/>: a 400 (bad values) among its errors' keys, so
    /// that a client can point at the field; another refusal (413, 409) in its detail at least.
    /// Not anywhere in the body: every problem has a "status" member, and "type" and "title" name other things.
    /// </summary>
    private static bool Names(Answer answer, string field)
    {
        var json = JsonNode.Parse(answer.Body);
        var keys = json?["errors"] is JsonObject errors ? errors.Select(e => e.Key) : [];
        if (keys.Any(k => k.Contains(field, StringComparison.OrdinalIgnoreCase))) return true;
        return answer.Status != 400 && (json?["detail"]?.GetValue<string>() ?? "").Contains(field, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A well-formed body one byte over the API's limit; its only fault is its size.</summary>
    private static string Oversized()
    {
        const string start = "{\"pad\": \"", end = "\"}";
        return start + new string('x', (int)ApiExtensions.MaxRequestBodySize + 1 - start.Length - end.Length) + end;
    }

    private static HashSet<int> Status(int status) => [status];

    private static string Shorten(string text) => text.Length <= 160 ? text : $"{text[..80]}…({text.Length:N0} characters)";

    private sealed record Answer(int Status, string? ContentType, string Body);
}
