using System.Net;
using VideoGen.Web.Tests.Accounts;
using VideoGen.TestSupport;

namespace VideoGen.Web.Tests.Pages;

/// <summary>What a new studio's first creator meets: who becomes the operator, and a project named without typing a name.</summary>
public sealed class FirstStartTests
{
    private const string FirstAccountNotice = "the first account registered becomes its operator";

    [Fact]
    public async Task Register_OnAStudioWithoutAccounts_SaysTheFirstAccountBecomesTheOperator_AndNotOnceOneExists()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db, new Dictionary<string, string?> { ["Accounts:AllowRegistration"] = "true" });
        using var visitor = factory.Browser();

        var fresh = await visitor.GetStringAsync("/Account/Register");
        await factory.SignedInAsync("operator@example.test");
        var later = await factory.Browser().GetStringAsync("/Account/Register");

        Assert.Contains(FirstAccountNotice, fresh);
        Assert.Contains("<form method=\"post\"", later);
        Assert.DoesNotContain(FirstAccountNotice, later);
    }

    [Fact]
    public async Task NewProject_WithoutAName_IsNamedAfterTheScriptsFirstHeading()
    {
        await using var studio = await CreatorStudio.StartAsync();

        var created = await studio.Alice.PostFormAsync("/Projects/New", new()
        {
            ["Name"] = "", ["AspectRatio"] = "16:9", ["Script"] = "\n#   Harbour at dawn  \nThe tide rolls in.\n\n# Noon\nThe market fills.",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var storyboard = await studio.Alice.GetStringAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("<h1>Harbour at dawn</h1>", storyboard);
    }

    [Fact]
    public async Task NewProject_WithoutANameOrHeading_SaysHowToNameIt()
    {
        await using var studio = await CreatorStudio.StartAsync();

        var refused = await studio.Alice.PostFormAsync("/Projects/New", new() { ["Name"] = " ", ["AspectRatio"] = "16:9", ["Script"] = "The tide rolls in." });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("start the script with a # heading", await refused.Content.ReadAsStringAsync());
    }
}
