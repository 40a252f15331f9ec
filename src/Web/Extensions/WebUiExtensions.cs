namespace VideoGen.Web.Extensions;

/// <summary>Razor Pages, problem details and the pipeline of the web UI.</summary>
public static class WebUiExtensions
{
    /// <summary>The header htmx sends the anti-forgery token in (set once in the layout).</summary>
    public const string AntiforgeryHeader = "RequestVerificationToken";

    public static IHostApplicationBuilder AddWebUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorPages();
        builder.Services.AddProblemDetails();
        builder.Services.AddAntiforgery(options => options.HeaderName = AntiforgeryHeader);
        builder.Services.AddSingleton<Commands.StudioGrains>();
        builder.Services.AddSingleton<Devices.ClusterOverview>();
        builder.Services.AddSingleton<Storyboard.StoryboardViews>();
        builder.Services.AddSingleton<Storyboard.FragmentRenderer>();
        builder.Services.AddSingleton<Storyboard.StoryboardFrames>();
        builder.Services.AddSingleton<Storyboard.StoryboardStream>();
        return builder;
    }

    public static WebApplication UseWebUi(this WebApplication app)
    {
        // Known request faults become problem details (ApiExceptionHandler); anything else shows the error page.
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error" });
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.AnnounceWhenReady();
        return app;
    }
}
