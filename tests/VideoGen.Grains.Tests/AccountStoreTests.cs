using VideoGen.Grains.Storage;
using VideoGen.TestSupport;

namespace VideoGen.Grains.Tests;

public sealed class AccountStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 11, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static AccountRecord Account(string email) => new()
    {
        Id = Guid.CreateVersion7(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
        NormalizedEmail = email.ToUpperInvariant(), SecurityStamp = "s1", ConcurrencyStamp = "c1", LockoutEnabled = true, CreatedAt = Now,
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_FirstThenOthers_OnlyTheFirstIsOperatorAndClosedRegistrationTakesOnlyTheFirst(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var store = new AccountStore(db.Database);
        Assert.False(await store.HasAccountsAsync(Ct));

        var first = Account("first@example.test");
        Assert.Equal(new AccountCreation(AccountWriteResult.Written, true), await store.CreateAsync(first, registrationOpen: false, Ct));
        Assert.Equal(new AccountCreation(AccountWriteResult.RegistrationClosed, false),
            await store.CreateAsync(Account("refused@example.test"), registrationOpen: false, Ct));
        Assert.Equal(new AccountCreation(AccountWriteResult.Written, false),
            await store.CreateAsync(Account("second@example.test"), registrationOpen: true, Ct));
        Assert.Equal(new AccountCreation(AccountWriteResult.Duplicate, false),
            await store.CreateAsync(Account("first@example.test"), registrationOpen: true, Ct));

        Assert.True(await store.HasAccountsAsync(Ct));
        Assert.Equal(first with { IsAdmin = true }, await store.FindByIdAsync(first.Id, Ct));
        Assert.Equal(first.Id, (await store.FindByNormalizedEmailAsync("FIRST@EXAMPLE.TEST", Ct))?.Id);
        Assert.Equal(first.Id, (await store.FindByNormalizedUserNameAsync("FIRST@EXAMPLE.TEST", Ct))?.Id);
        Assert.Null(await store.FindByNormalizedEmailAsync("REFUSED@EXAMPLE.TEST", Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateAndDelete_WithAStaleStampOrATakenEmail_ChangeNothing(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var store = new AccountStore(db.Database);
        var alice = Account("alice@example.test");
        var bob = Account("bob@example.test");
        await store.CreateAsync(alice, registrationOpen: true, Ct);
        await store.CreateAsync(bob, registrationOpen: true, Ct);

        var locked = alice with { ConcurrencyStamp = "c2", AccessFailedCount = 3, LockoutEnd = Now.AddMinutes(5) };
        Assert.Equal(AccountWriteResult.Conflict, await store.UpdateAsync(locked, expectedStamp: "stale", Ct));
        Assert.Equal(AccountWriteResult.Duplicate, await store.UpdateAsync(
            bob with { Email = alice.Email, NormalizedEmail = alice.NormalizedEmail, ConcurrencyStamp = "c2" }, expectedStamp: "c1", Ct));
        Assert.Equal(bob with { IsAdmin = false }, await store.FindByIdAsync(bob.Id, Ct));
        Assert.Equal(AccountWriteResult.Written, await store.UpdateAsync(locked, expectedStamp: "c1", Ct));
        Assert.Equal(locked with { IsAdmin = true }, await store.FindByIdAsync(alice.Id, Ct));

        Assert.False(await store.DeleteAsync(alice.Id, "c1", Ct));
        Assert.NotNull(await store.FindByIdAsync(alice.Id, Ct));
        Assert.True(await store.DeleteAsync(alice.Id, "c2", Ct));
        Assert.Null(await store.FindByIdAsync(alice.Id, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RecordLogin_SetsOnlyTheLastLogin(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var store = new AccountStore(db.Database);
        var alice = Account("alice@example.test");
        await store.CreateAsync(alice, registrationOpen: true, Ct);

        await store.RecordLoginAsync(alice.Id, Now.AddHours(1), Ct);

        Assert.Equal(alice with { IsAdmin = true, LastLoginAt = Now.AddHours(1) }, await store.FindByIdAsync(alice.Id, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DataProtectionKeys_AddedTwiceUnderOneName_KeepTheFirstInOrderOfAdding(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new ManualClock(Now);
        var keys = new DataProtectionKeyStore(db.Database, clock);

        Assert.True(keys.Add("key-b", "<key id=\"b\" />", NothingCovers));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(keys.Add("key-a", "<key id=\"a\" />", NothingCovers));
        Assert.False(keys.Add("key-b", "<key id=\"b-again\" />", NothingCovers));

        Assert.Equal(["<key id=\"b\" />", "<key id=\"a\" />"], keys.All());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DataProtectionKeys_ACoveredKey_IsNotStoredAndTheCheckSeesTheStoredOnes(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var keys = new DataProtectionKeyStore(db.Database, new ManualClock(Now));
        keys.Add("key-a", "<key id=\"a\" />", NothingCovers);
        IReadOnlyList<string>? seen = null;

        var stored = keys.Add("key-b", "<key id=\"b\" />", existing => { seen = existing; return existing.Count > 0; });

        Assert.False(stored);
        Assert.Equal(["<key id=\"a\" />"], seen);
        Assert.Equal(["<key id=\"a\" />"], keys.All());
    }

    private static bool NothingCovers(IReadOnlyList<string> stored) => false;
}
