using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;
using VideoGen.Web.Accounts;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Web.Tests.Accounts;

public sealed class ProfileTests
{
    /// <summary>
    /// Alice's succeeded (12.5 s) and failed (4 s) jobs on a ComfyUI device count; her job on the
    /// preview device, her cancelled job and Bob's GPU job do not.
    /// </summary>
    private static async Task<(Guid Alice, Guid Bob)> RunJobsAsync(TestDatabase db)
    {
        var alice = await db.UserIdAsync("alice@example.test");
        var bob = await db.UserIdAsync("bob@example.test");
        var project = await db.ImportAsync(alice, "Alice's", "One. Two. Three. Four.");
        var sentences = project.Sentences.ToArray();
        await db.RunImageJobAsync(sentences[0].Id, "gpu-0", DeviceKind.ComfyUi, TimeSpan.FromSeconds(12.5));
        await db.RunImageJobAsync(sentences[1].Id, "gpu-0", DeviceKind.ComfyUi, TimeSpan.FromSeconds(4), succeed: false);
        await db.RunImageJobAsync(sentences[2].Id, "cpu-preview", DeviceKind.Preview, TimeSpan.FromSeconds(30));
        var scheduler = new JobScheduler(db.Database, NoLanes.Instance, TimeProvider.System);
        var cancelled = await scheduler.RegenerateImageAsync(sentences[3].Id, null, skipVideo: true, CancellationToken.None);
        await scheduler.CancelAsync(cancelled.Value!.Id, CancellationToken.None);
        var bobs = await db.ImportAsync(bob, "Bob's", "Only.");
        await db.RunImageJobAsync(bobs.Sentences.Single().Id, "gpu-1", DeviceKind.ComfyUi, TimeSpan.FromSeconds(100));
        return (alice, bob);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Usage_FromRealJobs_CountsOnlyTheAccountsFinishedGpuJobs(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var factory = new StudioFactory(db);
        await factory.SignedInAsync("alice@example.test");
        await factory.SignedInAsync("bob@example.test");
        var (alice, bob) = await RunJobsAsync(db);

        var statistics = new AccountUsageStore(db.Database);

        Assert.Equal(new AccountUsage(1, 16.5, 0), await statistics.UsageOfAsync(alice, CancellationToken.None));
        Assert.Equal(new AccountUsage(1, 100, 0), await statistics.UsageOfAsync(bob, CancellationToken.None));
        Assert.Equal(new AccountUsage(0, 0, 0), await statistics.UsageOfAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task Profile_ShowsTheAccountAndItsUsagePriced()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db, new Dictionary<string, string?> { ["Accounts:PricePerGpuSecond"] = "0.01" });
        using var alice = await factory.SignedInAsync("alice@example.test");
        await factory.SignedInAsync("bob@example.test");
        await RunJobsAsync(db);

        var html = await alice.GetStringAsync("/Profile");

        Assert.Contains("<dd id=\"email\">alice@example.test</dd>", html);
        Assert.Contains("<dd id=\"projects\">1</dd>", html);
        Assert.Contains("<dd id=\"gpu-seconds\">16.5 s</dd>", html);
        Assert.Contains("<dd id=\"cost\">0.165</dd>", html);
        Assert.Contains($"{DateTimeOffset.UtcNow:yyyy-MM-dd}", html);
        Assert.DoesNotContain("never", html);
    }
}
