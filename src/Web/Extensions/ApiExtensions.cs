using VideoGen.Grains.Storage;
using VideoGen.Web.Accounts;
using VideoGen.Web.Api;
using VideoGen.Web.Exports;
using VideoGen.Web.Media;

namespace VideoGen.Web.Extensions;

/// <summary>
/// The JSON API under <c>/api/v1</c>: camelCase, enums as strings, bad input answered with 400;
/// and <c>/media/…</c>, where the URLs the API hands out (images, clips, narration, exports) point.
/// </summary>
public static class ApiExtensions
{
    public const string Prefix = "/api/v1";

    /// <summary>The largest request body the API reads: room for the longest script, JSON-escaped.</summary>
    public const long MaxRequestBodySize = 2 * 1024 * 1024;

    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddOptions<Live.LiveFeedOptions>().BindConfiguration(Live.LiveFeedOptions.Section)
            .Validate(o => o.FallbackPollMilliseconds >= 50, "Live:FallbackPollMilliseconds is below 50: give the milliseconds between checks of the event log (the default 1000 polls once a second).")
            .ValidateOnStart();
        builder.Services.AddSingleton<Live.ProjectFeeds>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Live.ProjectFeeds>());
        builder.Services.AddSingleton<Live.ProjectEventStream>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            // A null where the contract has a required value is bad input (400), not a crash further in (500).
            options.SerializerOptions.RespectNullableAnnotations = true;
            options.SerializerOptions.RespectRequiredConstructorParameters = true;
            // A number sent as a string is a wrong type (400), as the hand-read sentence edit already says, not a number.
            options.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        builder.Services.AddSingleton<MediaCatalog>();
        builder.Services.AddSingleton<FinalCutReader>();
        builder.Services.AddSingleton<ExportDeletion>();
        builder.Services.AddSingleton<Projects.ProjectDeletion>();
        builder.Services.AddSingleton<Takes.TakeCommands>();
        return builder;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        var api = app.MapGroup(Prefix).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxRequestBodySize)).RequireOwnership();
        app.UseRequestBodyLimit();
        api.MapAuthApi();
        api.MapDevicesApi();
        api.MapProjectsApi();
        api.MapScenesApi();
        api.MapTakesApi();
        api.MapJobsApi();
        api.MapEventsApi();
        api.MapExportsApi();
        api.MapNarrationApi();
        app.MapMedia();
        return app;
    }
}
