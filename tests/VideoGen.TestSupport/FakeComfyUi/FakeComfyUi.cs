using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VideoGen.TestSupport.FakeComfyUi;

/// <summary>
/// An in-process ComfyUI for tests: a real Kestrel server on <c>127.0.0.1</c> speaking ComfyUI's
/// HTTP routes and <c>/ws</c> socket (see COMFYUI_PROTOCOL.md), one prompt executing at a time.
/// Start one per test with <see cref="StartAsync"/>, turn its knobs, read what it received, and
/// dispose it. Every knob and recording is thread-safe.
/// </summary>
public sealed class FakeComfyUi : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly FakeComfyUiState state;
    private readonly FakeSockets sockets;
    private readonly FakeFiles files;
    private readonly FakeNodeCatalog catalog;
    private readonly FakeExecutor executor;

    private FakeComfyUi(WebApplication app, FakeComfyUiState state, FakeSockets sockets, FakeFiles files, FakeNodeCatalog catalog, FakeExecutor executor)
    {
        this.app = app;
        this.state = state;
        this.sockets = sockets;
        this.files = files;
        this.catalog = catalog;
        this.executor = executor;
        BaseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/");
    }

    /// <summary>Starts a fake on a free loopback port.</summary>
    public static async Task<FakeComfyUi> StartAsync(CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();

        var state = new FakeComfyUiState();
        var files = new FakeFiles();
        var catalog = new FakeNodeCatalog();
        var sockets = new FakeSockets(state);
        var executor = new FakeExecutor(state, sockets, files, catalog);
        app.UseWebSockets();
        app.Use((context, next) => Intercept(state, context, next));
        new FakeRoutes(state, sockets, files, catalog, executor).Map(app);

        await app.StartAsync(ct);
        executor.Start();
        return new FakeComfyUi(app, state, sockets, files, catalog, executor);
    }

    /// <summary>The server's address, ending in <c>/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>How long one prompt runs, spread over its sampling steps (default 40 ms).</summary>
    public TimeSpan JobDuration { get => state.JobDuration; set => state.JobDuration = value; }

    /// <summary>Progress steps per sampler node (default 4).</summary>
    public int ProgressSteps { get => state.ProgressSteps; set => state.ProgressSteps = value; }

    /// <summary>The gap between <c>execution_success</c> and the history entry being written (default 5 ms).</summary>
    public TimeSpan HistoryDelay { get => state.HistoryDelay; set => state.HistoryDelay = value; }

    /// <summary>How long <c>/view</c> takes before it sends a file (default none): a large clip over a slow link.</summary>
    public TimeSpan DownloadDelay { get => state.DownloadDelay; set => state.DownloadDelay = value; }

    /// <summary>When set, every socket message is sent in continuation frames of this many bytes.</summary>
    public int? FragmentSize { get => state.FragmentSize; set => state.FragmentSize = value; }

    /// <summary>Whether samplers send binary preview frames (default true).</summary>
    public bool SendPreviews { get => state.SendPreviews; set => state.SendPreviews = value; }

    /// <summary>The next <paramref name="count"/> prompts fail in their first sampler with an <c>execution_error</c>.</summary>
    public void FailNextPrompts(int count, FakeFailure failure) => state.FailNextPrompts(count, failure);

    /// <summary>The next <paramref name="count"/> requests whose path (without <c>/api</c>) starts with <paramref name="pathPrefix"/> get <paramref name="statusCode"/>.</summary>
    public void FailNextRequests(string pathPrefix, int count, int statusCode = StatusCodes.Status500InternalServerError) =>
        state.FailNextRequests(pathPrefix, count, statusCode, afterHandling: false);

    /// <summary>Forgets the failures still waiting for requests under <paramref name="pathPrefix"/>: the route answers again.</summary>
    public void StopFailingRequests(string pathPrefix) => state.StopFailingRequests(pathPrefix);

    /// <summary>
    /// The next <paramref name="count"/> matching requests are handled as usual, but their answer is
    /// replaced by a 500: the server acted, the client never learns it did (a lost response).
    /// </summary>
    public void LoseNextResponses(string pathPrefix, int count) =>
        state.FailNextRequests(pathPrefix, count, StatusCodes.Status500InternalServerError, afterHandling: true);

    /// <summary>Halfway through the next prompt, cut its client's socket; the prompt runs on.</summary>
    public void DropSocketDuringNextJob() => state.DropSocketDuringNextJob();

    /// <summary>Halfway through the next prompt, <see cref="Restart"/>.</summary>
    public void RestartDuringNextJob() => state.RestartDuringNextJob();

    /// <summary>Acts out a ComfyUI restart: the queue, the running prompt and the history are lost, every socket drops.</summary>
    public void Restart()
    {
        state.Restart();
        sockets.DropAll();
    }

    /// <summary>The model files a loader input offers (<c>ckpt_name</c>, <c>unet_name</c>, <c>clip_name</c>, <c>vae_name</c>).</summary>
    public void SetModels(string input, params string[] names) => catalog.SetModels(input, names);

    /// <summary>Puts a file into the input folder, as if someone had uploaded it before.</summary>
    public void AddInputFile(string name, byte[] content, string subfolder = "") => files.StoreUpload("input", subfolder, name, content, overwrite: true);

    /// <summary>A file from one of the fake's folders (<c>output</c>, <c>input</c>, <c>temp</c>), or <see langword="null"/>.</summary>
    public byte[]? ReadFile(string type, string subfolder, string name) => files.Read(type, subfolder, name);

    /// <summary>Prompts accepted by <c>POST /prompt</c>, in order (refused ones are only in <see cref="Requests"/>).</summary>
    public IReadOnlyList<FakePrompt> Prompts => state.Prompts;

    /// <summary>Every HTTP request answered, with its status code.</summary>
    public IReadOnlyList<FakeRequest> Requests => state.Requests;

    public IReadOnlyList<FakeInterrupt> Interrupts => state.Interrupts;

    /// <summary>Prompt ids named in <c>POST /queue {"delete": [...]}</c>.</summary>
    public IReadOnlyList<string> QueueDeletes => state.QueueDeletes;

    public IReadOnlyList<FakeFree> Frees => state.Frees;
    public IReadOnlyList<FakeUpload> Uploads => state.Uploads;

    /// <summary>Each prompt's time on the GPU, in the order they ended.</summary>
    public IReadOnlyList<FakeExecution> Executions => state.Executions;

    /// <summary>How long the GPU stood idle between each two prompts that ran one after the other.</summary>
    public IReadOnlyList<TimeSpan> IdleGaps
    {
        get
        {
            var runs = Executions.OrderBy(e => e.StartedAt).ToArray();
            return runs.Zip(runs.Skip(1), (before, after) => after.StartedAt - before.EndedAt).ToArray();
        }
    }

    /// <summary>The most prompts that ever executed at the same time (ComfyUI runs one).</summary>
    public int MaxExecutingAtOnce => state.MaxExecuting;

    /// <summary>
    /// The most prompts of one kind (images, or clips) the fake held at once, running and waiting
    /// together, counted as each arrived: a device's image lane and video lane may each have one here.
    /// </summary>
    public int MostOfOneKindAtOnce => state.MostOfOneKind;

    public int Restarts => state.Restarts;

    /// <summary>How many requests carried an <c>Origin</c> header (clients should send none).</summary>
    public int OriginHeaders => state.OriginHeaders;

    public string? RunningPromptId => state.RunningPromptId;
    public IReadOnlyList<string> PendingPromptIds => state.PendingPromptIds;

    /// <summary>Exceptions inside the fake's executor: a test that sees any has found a bug in the fake.</summary>
    public IReadOnlyList<string> Errors => state.Errors;

    /// <summary>How many requests with this method went to this path (without <c>/api</c>).</summary>
    public int CountRequests(string method, string path) =>
        Requests.Count(r => r.Method.Equals(method, StringComparison.OrdinalIgnoreCase) && r.Path == path);

    /// <summary>Waits until <paramref name="condition"/> holds, failing after <paramref name="timeout"/> (default 5 s).</summary>
    public async Task WaitUntilAsync(Func<FakeComfyUi, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The fake ComfyUI never reached the expected state.");
            await Task.Delay(5);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Restart();
        await executor.DisposeAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async Task Intercept(FakeComfyUiState state, HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/api/", StringComparison.Ordinal)) path = path[4..];

        if (context.Request.Headers.Origin.FirstOrDefault() is { } origin)
        {
            state.RecordOriginHeader();
            // ComfyUI on loopback refuses a request whose Origin is not its own host.
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var originUri) || originUri.Authority != context.Request.Host.Value)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                state.Record(new FakeRequest(context.Request.Method, path, StatusCodes.Status403Forbidden));
                return;
            }
        }

        switch (state.TakeInjectedError(path))
        {
            case { AfterHandling: false } injected:
                context.Response.StatusCode = injected.Status;
                await context.Response.WriteAsync("injected failure");
                break;
            case { AfterHandling: true } injected:
                var realBody = context.Response.Body;
                context.Response.Body = Stream.Null;
                await next(context);
                context.Response.Body = realBody;
                context.Response.StatusCode = injected.Status;
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("injected failure after handling the request");
                break;
            default:
                await next(context);
                break;
        }
        state.Record(new FakeRequest(context.Request.Method, path, context.Response.StatusCode));
    }
}
