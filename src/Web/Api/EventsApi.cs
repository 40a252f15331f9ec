using VideoGen.Web.Live;

namespace VideoGen.Web.Api;

/// <summary>
/// <c>GET /api/v1/projects/{id}/events</c>: the project's events as Server-Sent Events, each
/// with its project sequence as id (resume with <c>Last-Event-ID</c>), its name (<c>sentence</c>, <c>job</c>,
/// <c>progress</c>, <c>project</c>) and its JSON.
/// </summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/projects/{id:guid}/events", async (Guid id, HttpContext http, ProjectEventStream stream) =>
        {
            var ct = http.RequestAborted;
            // The resume point is taken before the client sees the stream open: what it does once
            // the connection is open commits after that point and reaches it.
            var after = await stream.ResumePointAsync(id, http.Request, ct);
            await SseWriter.StartAsync(http.Response, ct);
            var writer = new SseWriter(http.Response);
            try
            {
                await stream.FollowAsync(id, after, async batch =>
                {
                    foreach (var e in batch) await writer.WriteAsync(e.Name, e.Data, e.Sequence, ct);
                }, () => writer.HeartbeatAsync(ct), ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The client went away.
            }
        });
        return api;
    }
}
