using System.Xml.Linq;
using VideoGen.Web.Accounts;

namespace VideoGen.Web.Tests.Accounts;

/// <summary>Which new data-protection key duplicates a stored one (two nodes deciding at once) and which is a real new key.</summary>
public sealed class KeyRingCoverageTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    [Fact]
    public void KeyMadeAMomentAfterAnotherForTheSamePeriod_IsCovered()
    {
        var first = Key(Now, Now, Now + Lifetime);
        var second = Key(Now.AddMilliseconds(40), Now.AddMilliseconds(40), Now.AddMilliseconds(40) + Lifetime);

        Assert.True(KeyRingCoverage.IsCovered(second, [first]));
    }

    [Fact]
    public void RotationKey_ActivatingWhenTheStoredKeyExpires_IsNotCovered()
    {
        var current = Key(Now - Lifetime + TimeSpan.FromDays(2), Now - Lifetime + TimeSpan.FromDays(2), Now + TimeSpan.FromDays(2));
        var next = Key(Now, Now + TimeSpan.FromDays(2), Now + Lifetime);

        Assert.False(KeyRingCoverage.IsCovered(next, [current]));
    }

    [Fact]
    public void KeyForTheSamePeriod_AsARevokedKey_IsNotCovered()
    {
        var revoked = Key(Now, Now, Now + Lifetime);
        var revocation = new XElement("revocation", new XAttribute("version", 1),
            new XElement("revocationDate", Now.AddSeconds(1).ToString("O")), new XElement("key", new XAttribute("id", revoked.Attribute("id")!.Value)));
        var all = new XElement("revocation", new XAttribute("version", 1),
            new XElement("revocationDate", Now.AddSeconds(1).ToString("O")), new XElement("key", new XAttribute("id", "*")));
        var replacement = Key(Now.AddSeconds(2), Now.AddSeconds(2), Now.AddSeconds(2) + Lifetime);

        Assert.False(KeyRingCoverage.IsCovered(replacement, [revoked, revocation]));
        Assert.False(KeyRingCoverage.IsCovered(replacement, [revoked, all]));
    }

    [Fact]
    public void Revocation_IsNeverCovered()
    {
        var key = Key(Now, Now, Now + Lifetime);
        var revocation = new XElement("revocation", new XElement("revocationDate", Now.ToString("O")), new XElement("key", new XAttribute("id", "*")));

        Assert.False(KeyRingCoverage.IsCovered(revocation, [key]));
    }

    private static XElement Key(DateTimeOffset created, DateTimeOffset activation, DateTimeOffset expiration) =>
        new("key", new XAttribute("id", Guid.NewGuid()), new XAttribute("version", 1),
            new XElement("creationDate", created.ToString("O")),
            new XElement("activationDate", activation.ToString("O")),
            new XElement("expirationDate", expiration.ToString("O")));
}
