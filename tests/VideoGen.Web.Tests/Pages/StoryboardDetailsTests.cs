using System.Net;
using VideoGen.Grains.Storage;
using VideoGen.Web.Tests.Accounts;

namespace VideoGen.Web.Tests.Pages;

/// <summary>Small things a creator reads on the storyboard: scene numbers, camera movements, the site's icon.</summary>
public sealed class StoryboardDetailsTests
{
    private const string Script = "# Dawn\nThe tide rolls in. Gulls cry. Boats leave.\n\n# Noon\nThe market fills with voices.";

    [Fact]
    public async Task Inspector_OfTheFirstSceneOfTheSecondSection_IsNumberedAcrossSections()
    {
        await using var studio = await CreatorStudio.StartAsync(script: Script, complete: false);
        var fourth = studio.Project.Sentences.ElementAt(3);

        var inspector = await studio.Alice.GetStringAsync($"/Projects/{studio.Project.Id}?handler=Inspector&sentenceId={fourth.Id}");

        Assert.Equal("The market fills with voices.", fourth.Text);
        Assert.Contains("<strong>Scene 4</strong>", inspector);
    }

    [Fact]
    public async Task Inspector_CameraMovements_ReadAsWords()
    {
        await using var studio = await CreatorStudio.StartAsync(complete: false);

        var inspector = await studio.Alice.GetStringAsync($"/Projects/{studio.Project.Id}?handler=Inspector&sentenceId={studio.Project.Sentences.First().Id}");

        var shown = System.Text.RegularExpressions.Regex.Matches(inspector, "<option [^>]*>([^<]+)</option>").Select(m => m.Groups[1].Value);
        Assert.Equal(["Static", "Zoom in", "Zoom out", "Pan left", "Pan right", "Tilt up", "Tilt down"], shown);
    }

    [Fact]
    public async Task Favicon_IsARealIcon_LinkedFromEveryPage()
    {
        await using var studio = await CreatorStudio.StartAsync(complete: false);

        using var icon = await studio.Alice.GetAsync("/favicon.ico");
        var page = await studio.Alice.GetStringAsync($"/Projects/{studio.Project.Id}");

        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/x-icon", icon.Content.Headers.ContentType!.MediaType);
        var bytes = await icon.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]);
        Assert.InRange(bytes.Length, 100, 20_000);
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.ico", page);
    }

    [Fact]
    public async Task AClipNeverMade_IsMissing_NotStale_AndCountedApartFromStaleClips()
    {
        await using var studio = await CreatorStudio.StartAsync(script: "The tide rolls in. Gulls cry.", complete: false);
        var (first, second) = (studio.Project.Sentences.First().Id, studio.Project.Sentences.Last().Id);
        var sentences = new SentenceStore(studio.Db.Database, TimeProvider.System);
        await sentences.UpdateAsync(first, s => s.ImageStored("projects/p/first/image.png", DateTimeOffset.UtcNow), CancellationToken.None);
        await sentences.UpdateAsync(second, s =>
        {
            s.ImageStored("projects/p/second/image.png", DateTimeOffset.UtcNow);
            s.VideoStored("projects/p/second/video.mp4", DateTimeOffset.UtcNow);
            s.EditVideoPrompt("the gulls wheel and dive", DateTimeOffset.UtcNow);
        }, CancellationToken.None);
        var url = $"/Projects/{studio.Project.Id}";

        var missing = await studio.Alice.GetStringAsync($"{url}?handler=Inspector&sentenceId={first}");
        var stale = await studio.Alice.GetStringAsync($"{url}?handler=Inspector&sentenceId={second}");
        var card = await studio.Alice.GetStringAsync($"{url}?handler=Card&sentenceId={first}");
        var toolbar = await studio.Alice.GetStringAsync($"{url}?handler=Toolbar");

        Assert.Contains("data-testid=\"video-missing-notice\">No clip yet: Regenerate Video makes it from the image.", missing);
        Assert.DoesNotContain("Clip settings changed", missing);
        Assert.DoesNotContain("data-testid=\"badge-video\"", card);
        Assert.Contains("The clip is out of date", stale);
        Assert.Contains("Regenerate 1 dirty videos", toolbar);
        Assert.Contains("2 scenes still to generate", toolbar);
    }

    [Fact]
    public async Task AStaleClip_SaysWhatChanged_TheImageAfterSkipVideo_OrItsSettings()
    {
        await using var studio = await CreatorStudio.StartAsync(script: "The tide rolls in. Gulls cry.", complete: false);
        var (first, second) = (studio.Project.Sentences.First().Id, studio.Project.Sentences.Last().Id);
        var sentences = new SentenceStore(studio.Db.Database, TimeProvider.System);
        foreach (var id in new[] { first, second })
        {
            await sentences.UpdateAsync(id, s =>
            {
                s.ImageStored($"projects/p/{id}/image.png", DateTimeOffset.UtcNow);
                s.VideoStored($"projects/p/{id}/video.mp4", DateTimeOffset.UtcNow);
            }, CancellationToken.None);
        }
        await sentences.UpdateAsync(first, s => s.ImageStored($"projects/p/{first}/image-2.png", DateTimeOffset.UtcNow), CancellationToken.None);
        await sentences.UpdateAsync(second, s => s.ChangeCameraMovement(Grains.Domain.CameraMovement.ZoomIn, DateTimeOffset.UtcNow), CancellationToken.None);
        var url = $"/Projects/{studio.Project.Id}";

        var newImage = await studio.Alice.GetStringAsync($"{url}?handler=Inspector&sentenceId={first}");
        var newSettings = await studio.Alice.GetStringAsync($"{url}?handler=Inspector&sentenceId={second}");

        Assert.Contains("The clip is out of date: the image changed.", newImage);
        Assert.Contains("The clip is out of date: its settings changed.", newSettings);
    }
}
