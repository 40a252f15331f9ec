using System.Globalization;
using System.Xml.Linq;

namespace VideoGen.Web.Accounts;

/// <summary>
/// Tells a key that duplicates a stored one: nodes that found no usable key at the same moment
/// (starting together on an empty store, or rotating together) each make a key for the same
/// period. Only the first may be stored, so that every node re-reading the ring signs with it.
/// </summary>
internal static class KeyRingCoverage
{
    /// <summary>
    /// How far apart two keys' activation and expiration may be and still be one decision: far
    /// more than the moments between racing nodes, far less than the days between rotations.
    /// </summary>
    private static readonly TimeSpan SamePeriod = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Whether <paramref name="element"/> is a key whose whole period an unrevoked key of
    /// <paramref name="stored"/> already covers. Anything else (revocations, keys for a later
    /// period, elements this does not understand) is never a duplicate.
    /// </summary>
    public static bool IsCovered(XElement element, IEnumerable<XElement> stored)
    {
        if (Period(element) is not { } candidate) return false;
        var elements = stored.ToArray();
        var revocations = elements.Where(e => e.Name.LocalName == "revocation").Select(Revocation).OfType<(string Id, DateTimeOffset At)>().ToArray();
        return elements.Select(e => (Element: e, Period: Period(e))).Any(k => k.Period is { } period
            && period.Activation <= candidate.Activation + SamePeriod
            && period.Expiration >= candidate.Expiration - SamePeriod
            && !revocations.Any(r => r.Id == period.Id || (r.Id == "*" && r.At >= period.Creation)));
    }

    private static (string Id, DateTimeOffset Creation, DateTimeOffset Activation, DateTimeOffset Expiration)? Period(XElement element)
    {
        if (element.Name.LocalName != "key" || element.Attribute("id")?.Value is not { } id) return null;
        return Date(element, "creationDate") is { } creation && Date(element, "activationDate") is { } activation && Date(element, "expirationDate") is { } expiration
            ? (id, creation, activation, expiration)
            : null;
    }

    private static (string Id, DateTimeOffset At)? Revocation(XElement element) =>
        element.Element("key")?.Attribute("id")?.Value is { } id && Date(element, "revocationDate") is { } at ? (id, at) : null;

    private static DateTimeOffset? Date(XElement element, string name) =>
        DateTimeOffset.TryParse(element.Element(name)?.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) ? date : null;
}
