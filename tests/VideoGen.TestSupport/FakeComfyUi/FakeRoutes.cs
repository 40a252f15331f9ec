using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace VideoGen.TestSupport.FakeComfyUi;

/// <summary>The fake's HTTP routes, each served at <c>/x</c> and <c>/api/x</c> as ComfyUI does.</summary>
internal sealed class FakeRoutes(FakeComfyUiState state, FakeSockets sockets, FakeFiles files, FakeNodeCatalog catalog, FakeExecutor executor)
{
    private readonly FakePromptValidator validator = new(catalog, files);

    public void Map(IEndpointRouteBuilder app)
    {
        foreach (var prefix in new[] { "", "/api" })
        {
            app.MapPost(prefix + "/prompt", context => PostPromptAsync(context));
            app.MapGet(prefix + "/history/{promptId}", context => Json(context, state.HistoryBody(context.Request.RouteValues["promptId"]?.ToString())));
            app.MapGet(prefix + "/history", context => Json(context, state.HistoryBody(null)));
            app.MapPost(prefix + "/history", context => PostHistoryAsync(context));
            app.MapGet(prefix + "/queue", context => Json(context, state.QueueBody()));
            app.MapPost(prefix + "/queue", context => PostQueueAsync(context));
            app.MapPost(prefix + "/interrupt", context => PostInterruptAsync(context));
            app.MapPost(prefix + "/free", context => PostFreeAsync(context));
            app.MapGet(prefix + "/system_stats", context => Json(context, SystemStats()));
            app.MapGet(prefix + "/object_info", context => Json(context, ObjectInfo(catalog.ClassTypes)));
            app.MapGet(prefix + "/object_info/{classType}", context => Json(context, ObjectInfo([context.Request.RouteValues["classType"]?.ToString() ?? ""])));
            app.MapGet(prefix + "/view", context => GetViewAsync(context));
            app.MapPost(prefix + "/upload/image", context => PostUploadAsync(context));
            app.Map(prefix + "/ws", context => sockets.AcceptAsync(context));
        }
    }

    private async Task PostPromptAsync(HttpContext context)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        var body = await ReadJsonAsync(context);
        if (body?["prompt"] is not JsonObject graph)
        {
            await Json(context, FakePromptValidator.Error("no_prompt", "No prompt provided", "No prompt provided"), StatusCodes.Status400BadRequest);
            return;
        }
        var promptId = body["prompt_id"]?.ToString() ?? Guid.NewGuid().ToString();
        if (!FakePromptValidator.IsPromptId(promptId))
        {
            await Json(context, FakePromptValidator.Error("invalid_prompt_id", "Invalid prompt_id", $"prompt_id '{promptId}' is not a lowercase UUID"),
                StatusCodes.Status400BadRequest);
            return;
        }
        if (validator.Validate(graph, out var outputNodes) is { } error)
        {
            await Json(context, error, StatusCodes.Status400BadRequest);
            return;
        }
        var savesVideo = outputNodes.Any(id => catalog.Find(graph[id]?["class_type"]?.ToString() ?? "")?.Output.IsVideo() == true);
        var job = state.Enqueue(promptId, body["client_id"]?.ToString(), graph, outputNodes, savesVideo, receivedAt);
        executor.Wake();
        await sockets.BroadcastAsync("status", sockets.Status());
        await Json(context, new JsonObject { ["prompt_id"] = promptId, ["number"] = job.Prompt.Number, ["node_errors"] = new JsonObject() });
    }

    private async Task PostQueueAsync(HttpContext context)
    {
        var body = await ReadJsonAsync(context);
        if (body?["clear"]?.GetValueKind() == JsonValueKind.True) state.ClearQueue();
        if (body?["delete"] is JsonArray delete) state.DeleteFromQueue(delete.Select(id => id?.ToString() ?? "").ToList());
    }

    private async Task PostHistoryAsync(HttpContext context)
    {
        var body = await ReadJsonAsync(context);
        var delete = body?["delete"] is JsonArray ids ? ids.Select(id => id?.ToString() ?? "").ToList() : [];
        state.ChangeHistory(body?["clear"]?.GetValueKind() == JsonValueKind.True, delete);
    }

    private async Task PostInterruptAsync(HttpContext context)
    {
        var body = await ReadJsonAsync(context);
        state.Interrupt(body?["prompt_id"]?.ToString());
    }

    private async Task PostFreeAsync(HttpContext context)
    {
        var body = await ReadJsonAsync(context);
        state.Record(new FakeFree(body?["unload_models"]?.GetValueKind() == JsonValueKind.True, body?["free_memory"]?.GetValueKind() == JsonValueKind.True));
    }

    private async Task GetViewAsync(HttpContext context)
    {
        var name = context.Request.Query["filename"].ToString();
        var subfolder = context.Request.Query["subfolder"].ToString();
        var type = context.Request.Query["type"].FirstOrDefault() is { Length: > 0 } t ? t : "output";
        if (name.Length == 0 || name.StartsWith('/') || name.Contains("..") || subfolder.StartsWith('/') || subfolder.Contains(".."))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (files.Read(type, subfolder, name) is not { } content)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.ContentType = Path.GetExtension(name) switch { ".png" => "image/png", ".mp4" => "video/mp4", _ => "application/octet-stream" };
        if (state.DownloadDelay > TimeSpan.Zero) await Task.Delay(state.DownloadDelay, context.RequestAborted);
        await context.Response.Body.WriteAsync(content);
    }

    private async Task PostUploadAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (form.Files["image"] is not { } image)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var type = form["type"].FirstOrDefault() is { Length: > 0 } t ? t : "input";
        var subfolder = form["subfolder"].ToString();
        var overwrite = form["overwrite"].ToString() is "true" or "1";
        using var content = new MemoryStream();
        await image.CopyToAsync(content);
        var stored = files.StoreUpload(type, subfolder, image.FileName, content.ToArray(), overwrite);
        state.Record(new FakeUpload(image.FileName, stored, type, overwrite, content.ToArray()));
        await Json(context, new JsonObject { ["name"] = stored, ["subfolder"] = subfolder, ["type"] = type });
    }

    private static JsonObject SystemStats() => new()
    {
        ["system"] = new JsonObject
        {
            ["os"] = "posix", ["ram_total"] = 68719476736, ["ram_free"] = 51539607552, ["comfyui_version"] = "0.3.64",
            ["python_version"] = "3.12.3", ["pytorch_version"] = "2.8.0+cu128", ["embedded_python"] = false, ["argv"] = new JsonArray("main.py"),
        },
        ["devices"] = new JsonArray(new JsonObject
        {
            ["name"] = "cuda:0 NVIDIA GeForce RTX 4090 : cudaMallocAsync", ["type"] = "cuda", ["index"] = 0,
            ["vram_total"] = 25757220864, ["vram_free"] = 24108859392, ["torch_vram_total"] = 0, ["torch_vram_free"] = 0,
        }),
    };

    private JsonObject ObjectInfo(IEnumerable<string> classTypes)
    {
        var info = new JsonObject();
        foreach (var classType in classTypes)
        {
            if (catalog.Find(classType) is not { } type) continue;
            var required = new JsonObject();
            foreach (var input in type.Required)
            {
                required[input] = catalog.ModelsFor(input) is { } models ? new JsonArray(new JsonArray(models.Select(m => (JsonNode)m).ToArray())) : new JsonArray("*");
            }
            info[classType] = new JsonObject
            {
                ["input"] = new JsonObject { ["required"] = required }, ["name"] = classType, ["output_node"] = type.IsOutput,
            };
        }
        return info;
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task Json(HttpContext context, JsonObject body, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }
}
