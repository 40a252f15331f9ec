namespace VideoGen.Grains.Domain;

/// <summary>Seeds for generations a creator asked to be new ("New seed", "Variations").</summary>
public static class Seeds
{
    /// <summary>Seeds stay below 2^53 so a browser's JavaScript numbers show them exactly.</summary>
    public const long Limit = 1L << 53;

    /// <summary>A seed picked at random, from 0 up to <see cref="Limit"/>.</summary>
    public static long Fresh() => Random.Shared.NextInt64(0, Limit);

    /// <summary><paramref name="count"/> distinct fresh seeds.</summary>
    public static IReadOnlyList<long> Fresh(int count)
    {
        var seeds = new HashSet<long>();
        while (seeds.Count < count) seeds.Add(Fresh());
        return seeds.ToArray();
    }
}
