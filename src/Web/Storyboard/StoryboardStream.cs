using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Web.Live;

namespace VideoGen.Web.Storyboard;

/// <summary>
/// The storyboard page's live stream: for each batch of the project's events, the fragments
/// that changed — the cards and live parts of the scenes concerned, the toolbar, and a toast when
/// a run of generation this page saw ends. The same partials the page renders, swapped by htmx's
/// SSE extension, built once per batch for all pages of the project (<see cref="StoryboardFrames"/>).
/// The last fragment of a batch carries the batch's last event id, so a page that reconnects
/// resumes after it.
/// </summary>
public sealed class StoryboardStream(ProjectEventStream events, StoryboardFrames frames, JobReader jobs, IHostApplicationLifetime lifetime)
{
    public async Task RunAsync(HttpContext http, Project project, CancellationToken pageClosed)
    {
        // The stream ends when the page closes or the app stops (frames are built on the app's time, not the page's).
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(pageClosed, lifetime.ApplicationStopping);
        var ct = ending.Token;
        // Taken before the page sees the stream open, so nothing it causes afterwards falls before it.
        var after = await events.ResumePointAsync(project.Id, http.Request, ct);
        await SseWriter.StartAsync(http.Response, ct);
        var writer = new SseWriter(http.Response);
        var wasActive = (await jobs.ProgressAsync(project.Id, ct)).Active;
        var current = project;
        try
        {
            await events.FollowAsync(project.Id, after, async batch =>
            {
                var frame = await frames.ForBatchAsync(current, batch, wasActive, ct);
                current = frame.Project;
                wasActive = frame.Active;
                await writer.WriteFormattedAsync(frame.Scenes + frame.Toast + frame.Toolbar, ct);
            }, () => writer.HeartbeatAsync(ct), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page was closed, or the app is stopping.
        }
    }
}
