using VideoGen.Grains.Domain;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using VideoGen.Silo.Devices;

namespace VideoGen.Silo.ComfyUi;

/// <summary>
/// Typed client for one ComfyUI server: its HTTP routes and its <c>/ws</c> socket. Register with
/// <c>AddHttpClient&lt;ComfyUiClient&gt;()</c> (see <c>AddComfyUi</c>) and create one per server through
/// <see cref="ComfyUiBackendFactory.CreateClient"/>, which sets the base address.
/// Connection errors, timeouts and 5xx answers are retried by the shared <see cref="ComfyUiRetry"/>
/// pipeline (<see cref="ComfyUiOptions.MaxAttempts"/>); when the attempts run out the call throws a
/// <see cref="GenerationException"/> with <see cref="FailureCause.Transient"/>. A 4xx is never
/// retried: it throws <see cref="FailureCause.Rejected"/> with ComfyUI's explanation.
/// No <c>Origin</c> header is ever sent (ComfyUI answers 403 to a foreign one on loopback).
/// </summary>
public sealed class ComfyUiClient
{
    private readonly HttpClient http;
    private readonly ComfyUiOptions options;
    private readonly ResiliencePipeline retrying;

    public ComfyUiClient(HttpClient http, IOptions<ComfyUiOptions> options, ResiliencePipelineProvider<string> pipelines)
    {
        var baseAddress = http.BaseAddress
            ?? throw new InvalidOperationException("A ComfyUiClient needs the server's base address: create it with ComfyUiBackendFactory.CreateClient.");
        // Routes are relative ("prompt", "history/x"): without the trailing slash a base path would lose its last segment.
        if (!baseAddress.AbsolutePath.EndsWith('/')) http.BaseAddress = baseAddress = new Uri(baseAddress + "/");
        this.http = http;
        this.options = options.Value;
        BaseAddress = baseAddress;
        retrying = pipelines.GetPipeline(ComfyUiRetry.PipelineName);
    }

    /// <summary>The server's base URL, ending in <c>/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A new prompt id in the form ComfyUI accepts: a lowercase hyphenated UUID.</summary>
    public static string NewPromptId() => Guid.NewGuid().ToString("D");

    /// <summary>
    /// <c>POST /prompt</c> with our own <paramref name="promptId"/>. A retried submission first asks
    /// <c>/queue</c> and <c>/history</c> whether the lost attempt got through, so the prompt never runs twice.
    /// A 400 throws <see cref="FailureCause.Rejected"/> naming ComfyUI's error and every node error's details.
    /// </summary>
    public Task<PromptAccepted> SubmitPromptAsync(JsonObject graph, string promptId, string clientId, CancellationToken ct)
    {
        var body = new JsonObject { ["prompt"] = graph.DeepClone(), ["client_id"] = clientId, ["prompt_id"] = promptId }.ToJsonString();
        var attempts = 0;
        return CallAsync("POST /prompt", async token =>
        {
            if (attempts++ > 0 && await IsKnownOnceAsync(promptId, token)) return new PromptAccepted(promptId, 0);

            using var request = new HttpRequestMessage(HttpMethod.Post, "prompt") { Content = ComfyUiHttp.JsonBody(body) };
            using var response = await SendOnceAsync(request, "POST /prompt", token);
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                throw new GenerationException(FailureCause.Rejected, await ComfyUiHttp.DescribeRejectionAsync(response, token));
            }
            await EnsureAcceptedAsync(response, "POST /prompt", token);
            using var document = await ComfyUiHttp.ReadJsonAsync(response, token);
            return ComfyUiResponseParser.ParsePromptAccepted(document.RootElement, promptId);
        }, ct);
    }

    /// <summary><c>GET /history/{id}</c>: the finished prompt, or <see langword="null"/> while it is queued, running, or unknown to the server.</summary>
    public Task<HistoryEntry?> GetHistoryAsync(string promptId, CancellationToken ct) =>
        CallAsync("GET /history", token => HistoryOnceAsync(promptId, token), ct);

    /// <summary><c>GET /queue</c>.</summary>
    public Task<ComfyUiQueue> GetQueueAsync(CancellationToken ct) => CallAsync("GET /queue", QueueOnceAsync, ct);

    /// <summary><c>POST /queue {"delete": [id]}</c>: removes the prompt if it is still waiting (a running one is untouched).</summary>
    public Task DeleteFromQueueAsync(string promptId, CancellationToken ct) =>
        PostJsonAsync("queue", new JsonObject { ["delete"] = new JsonArray(promptId) }, ct);

    /// <summary><c>POST /interrupt {"prompt_id": id}</c>: stops the prompt only if it is the one running, never someone else's.</summary>
    public Task InterruptAsync(string promptId, CancellationToken ct) =>
        PostJsonAsync("interrupt", new JsonObject { ["prompt_id"] = promptId }, ct);

    /// <summary><c>POST /free</c>: unload models and free GPU memory (before retrying an out-of-memory prompt).</summary>
    public Task FreeMemoryAsync(CancellationToken ct) =>
        PostJsonAsync("free", new JsonObject { ["unload_models"] = true, ["free_memory"] = true }, ct);

    /// <summary><c>GET /system_stats</c>; with <paramref name="retry"/> false, one attempt only (health checks must be quick).</summary>
    public Task<SystemStats> GetSystemStatsAsync(CancellationToken ct, bool retry = true) =>
        CallAsync("GET /system_stats", token => GetJsonOnceAsync("system_stats", "GET /system_stats", ComfyUiResponseParser.ParseSystemStats, token), ct, retry);

    /// <summary>
    /// <c>POST /upload/image</c> of a local file into ComfyUI's input folder. Use the returned
    /// <see cref="UploadedImage.Name"/>: ComfyUI renames a same-named upload with different content.
    /// </summary>
    public async Task<UploadedImage> UploadImageAsync(string path, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(path, ct);
        var name = Path.GetFileName(path);
        return await CallAsync("POST /upload/image", async token =>
        {
            using var form = new MultipartFormDataContent();
            var image = new ByteArrayContent(bytes);
            image.Headers.ContentType = new MediaTypeHeaderValue(ComfyUiHttp.MediaTypeOf(name));
            form.Add(image, "image", name);
            form.Add(new StringContent("input"), "type");
            // Never overwrite: a same-named file may belong to a job still running. ComfyUI keeps
            // identical content under its name (so a retried upload is harmless) and renames the rest.
            form.Add(new StringContent("false"), "overwrite");
            using var request = new HttpRequestMessage(HttpMethod.Post, "upload/image") { Content = form };
            using var response = await SendOnceAsync(request, "POST /upload/image", token);
            await EnsureAcceptedAsync(response, "POST /upload/image", token);
            using var document = await ComfyUiHttp.ReadJsonAsync(response, token);
            return ComfyUiResponseParser.ParseUpload(document.RootElement, name);
        }, ct);
    }

    /// <summary><c>GET /view</c> of an output file into <paramref name="destinationPath"/> (created or truncated on every attempt).</summary>
    public Task DownloadAsync(OutputFile file, string destinationPath, CancellationToken ct) =>
        CallAsync("GET /view", async token =>
        {
            var path = $"view?filename={Uri.EscapeDataString(file.Filename)}&subfolder={Uri.EscapeDataString(file.Subfolder)}&type={Uri.EscapeDataString(file.Type)}";
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            using var response = await SendOnceAsync(request, "GET /view", token);
            await EnsureAcceptedAsync(response, "GET /view", token);
            await using var target = new FileStream(destinationPath, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await response.Content.CopyToAsync(target, token);
            return true;
        }, ct);

    /// <summary>Opens <c>/ws?clientId=</c>; ComfyUI sends the messages of prompts submitted with this client id to it.</summary>
    public Task<ComfyUiSocket> ConnectAsync(string clientId, CancellationToken ct) =>
        CallAsync("WebSocket /ws", async token =>
        {
            var socket = new ClientWebSocket();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            timeout.CancelAfter(options.RequestTimeout);
            try
            {
                await socket.ConnectAsync(WebSocketUri(clientId), timeout.Token);
            }
            catch (OperationCanceledException e) when (!token.IsCancellationRequested)
            {
                socket.Dispose();
                throw new TimeoutException($"The socket did not open within {options.RequestTimeout}.", e);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            return new ComfyUiSocket(socket);
        }, ct);

    private Uri WebSocketUri(string clientId) => new UriBuilder(BaseAddress)
    {
        Scheme = BaseAddress.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
        Path = BaseAddress.AbsolutePath + "ws",
        Query = "clientId=" + Uri.EscapeDataString(clientId),
    }.Uri;

    private async Task<bool> IsKnownOnceAsync(string promptId, CancellationToken token) =>
        (await QueueOnceAsync(token)).Contains(promptId) || await HistoryOnceAsync(promptId, token) is not null;

    private Task<ComfyUiQueue> QueueOnceAsync(CancellationToken token) =>
        GetJsonOnceAsync("queue", "GET /queue", ComfyUiResponseParser.ParseQueue, token);

    private Task<HistoryEntry?> HistoryOnceAsync(string promptId, CancellationToken token) =>
        GetJsonOnceAsync("history/" + Uri.EscapeDataString(promptId), "GET /history", root => ComfyUiResponseParser.ParseHistory(root, promptId), token);

    private async Task<T> GetJsonOnceAsync<T>(string path, string call, Func<JsonElement, T> read, CancellationToken token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await SendOnceAsync(request, call, token);
        await EnsureAcceptedAsync(response, call, token);
        using var document = await ComfyUiHttp.ReadJsonAsync(response, token);
        return read(document.RootElement);
    }

    private Task PostJsonAsync(string path, JsonObject body, CancellationToken ct)
    {
        var call = "POST /" + path;
        var json = body.ToJsonString();
        return CallAsync(call, async token =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = ComfyUiHttp.JsonBody(json) };
            using var response = await SendOnceAsync(request, call, token);
            await EnsureAcceptedAsync(response, call, token);
            return true;
        }, ct);
    }

    private async Task<T> CallAsync<T>(string call, Func<CancellationToken, Task<T>> attempt, CancellationToken ct, bool retry = true)
    {
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(ComfyUiRetry.Call, call);
        context.Properties.Set(ComfyUiRetry.Server, BaseAddress);
        try
        {
            var pipeline = retry ? retrying : ResiliencePipeline.Empty;
            return await pipeline.ExecuteAsync(static async (context, attempt) => await attempt(context.CancellationToken), context, attempt);
        }
        catch (Exception e) when (ComfyUiRetry.IsTransient(e) && !ct.IsCancellationRequested)
        {
            var attempts = retry ? options.MaxAttempts : 1;
            throw new GenerationException(FailureCause.Transient, FailureText.Compose($"ComfyUI at {BaseAddress} did not answer {call} after {attempts} attempt(s).", e.Message), e);
        }
        catch (JsonException e)
        {
            throw new GenerationException(FailureCause.Transient, FailureText.Compose($"ComfyUI at {BaseAddress} answered {call} with unreadable JSON.", e.Message), e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, string call, CancellationToken token)
    {
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
        var status = response.StatusCode;
        if ((int)status < 500) return response;
        var body = await ComfyUiHttp.SnippetAsync(response, token);
        response.Dispose();
        throw new ComfyUiServerErrorException(call, status, body);
    }

    private async Task EnsureAcceptedAsync(HttpResponseMessage response, string call, CancellationToken token)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await ComfyUiHttp.SnippetAsync(response, token);
        throw new GenerationException(FailureCause.Rejected,
            $"ComfyUI at {BaseAddress} refused {call}: {(int)response.StatusCode} {response.StatusCode}{(body.Length > 0 ? ": " + body : "")}");
    }
}
