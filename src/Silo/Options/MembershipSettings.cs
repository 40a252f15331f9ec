using System.Globalization;

namespace VideoGen.Silo.Options;

/// <summary>
/// Configuration section <c>Cluster:Membership</c>: how fast the cluster declares a silo dead. The
/// defaults put a <c>kill -9</c>'d GPU box's running job back to work elsewhere in a few seconds
/// while a 2-core silo that is slow under load is suspected, probed again and spared.
/// </summary>
public sealed record MembershipSettings : ISelfValidatingOptions
{
    public const string Section = "Cluster:Membership";

    /// <summary>
    /// The first timeout of a liveness probe; Orleans then adapts it between half and four times this
    /// value from the answers it sees, and stretches it while the prober itself is overloaded.
    /// </summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Missed probes in a row (the last of them through another silo) before the prober votes the silo dead.</summary>
    public int NumMissedProbesLimit { get; set; } = 3;

    /// <summary>Votes that declare a silo dead; Orleans asks for fewer in a cluster of fewer than twice as many active silos.</summary>
    public int NumVotesForDeathDeclaration { get; set; } = 2;

    /// <summary>How long a vote counts: old suspicions from a passing hiccup must not add up to a death.</summary>
    public TimeSpan DeathVoteExpirationTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often every silo re-reads the membership table, should it miss a gossiped change.</summary>
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a silo writes its "I am alive" time into the membership table.</summary>
    public TimeSpan IAmAliveTablePublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Missed "I am alive" writes after which a silo counts as stale: it is probed by every silo, its
    /// vote is not needed, and it is not waited for as a gossip partner.
    /// </summary>
    public int NumMissedTableIAmAliveLimit { get; set; } = 3;

    /// <summary>How long a starting silo keeps trying to join (it waits for every active silo to answer it).</summary>
    public TimeSpan MaxJoinAttemptTime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The time from a silo's last answer to the vote against it, when probes fail at once (a killed process).</summary>
    public TimeSpan DetectionTime => ProbeTimeout * NumMissedProbesLimit;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        CheckDuration(problems, nameof(ProbeTimeout), ProbeTimeout, TimeSpan.FromMilliseconds(200), TimeSpan.FromMinutes(1));
        CheckCount(problems, nameof(NumMissedProbesLimit), NumMissedProbesLimit, 1, 10);
        CheckCount(problems, nameof(NumVotesForDeathDeclaration), NumVotesForDeathDeclaration, 1, 10);
        CheckDuration(problems, nameof(DeathVoteExpirationTimeout), DeathVoteExpirationTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        CheckDuration(problems, nameof(TableRefreshTimeout), TableRefreshTimeout, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(10));
        CheckDuration(problems, nameof(IAmAliveTablePublishTimeout), IAmAliveTablePublishTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        CheckCount(problems, nameof(NumMissedTableIAmAliveLimit), NumMissedTableIAmAliveLimit, 1, 100);
        CheckDuration(problems, nameof(MaxJoinAttemptTime), MaxJoinAttemptTime, TimeSpan.FromSeconds(10), TimeSpan.FromHours(1));
        // Votes gathered one probe round after another must still count when the last one arrives.
        if (problems.Count == 0 && DeathVoteExpirationTimeout <= DetectionTime * 2)
            problems.Add($"{Section}:{nameof(DeathVoteExpirationTimeout)} ({Seconds(DeathVoteExpirationTimeout)} s) must be longer than twice " +
                         $"{nameof(ProbeTimeout)} × {nameof(NumMissedProbesLimit)} ({Seconds(DetectionTime * 2)} s), or the first votes expire before the last arrives.");
        return problems;
    }

    private static void CheckDuration(List<string> problems, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
            problems.Add($"{Section}:{key} must be between {Seconds(min)} s and {Seconds(max)} s, written as hh:mm:ss, e.g. 00:00:02 (got {value}).");
    }

    private static void CheckCount(List<string> problems, string key, int value, int min, int max)
    {
        if (value < min || value > max)
            problems.Add($"{Section}:{key} must be between {min} and {max} (got {value.ToString(CultureInfo.InvariantCulture)}).");
    }

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
