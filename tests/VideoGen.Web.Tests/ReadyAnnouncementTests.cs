using VideoGen.TestSupport;
using VideoGen.TestSupport.Processes;

namespace VideoGen.Web.Tests;

/// <summary>The last thing the studio says when it starts: where to open it, and who becomes the operator.</summary>
public sealed class ReadyAnnouncementTests
{
    [Fact]
    public async Task Start_OfAStudioWithoutAccounts_EndsWithOneLine_TheUrlToOpenAndWhoBecomesTheOperator()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var web = HostProcess.Start("Web", "web", new Dictionary<string, string?>
        {
            ["Store:Provider"] = db.Provider,
            ["Store:ConnectionString"] = db.ConnectionString,
            ["Media:Root"] = Path.Combine(Path.GetTempPath(), "videogen-tests", Guid.NewGuid().ToString("N")),
            ["Silo:Name"] = "ready-test",
            // As ./videogen start sets them: one line per entry.
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:Console:FormatterOptions:SingleLine"] = "true",
        });

        var ready = await web.WaitForOutputAsync("VideoGen Studio is ready", TimeSpan.FromSeconds(90));
        // Give anything the host still had to say the time to say it: the announcement must stay last.
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.StartsWith("info: VideoGen.Web.Ready[0] VideoGen Studio is ready: ", ready);
        Assert.Contains($"open {web.Address.ToString().TrimEnd('/')} and register; the first account registered becomes the operator", ready);
        Assert.Equal(ready, web.Output.Last());
        Assert.Single(web.Output, line => line.Contains("VideoGen Studio is ready", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://0.0.0.0:5000", "http://localhost:5000")]
    [InlineData("http://[::]:5000", "http://localhost:5000")]
    [InlineData("http://+:8080", "http://localhost:8080")]
    [InlineData("http://127.0.0.1:5391", "http://127.0.0.1:5391")]
    public void Openable_OfAWildcardAddress_IsLocalhost(string listening, string expected) =>
        Assert.Equal(expected, Extensions.ReadyAnnouncement.Openable(listening));
}
