using Orleans.Runtime;
using VideoGen.Grains.Jobs;

namespace VideoGen.Silo.Cluster;

/// <summary>
/// Puts the running jobs of a silo back in the queue as soon as membership declares that silo dead,
/// instead of waiting for their leases to lapse; every silo watches, the store lets one rescue win.
/// The rescue changes each job's claim token, so the dead silo, should it wake, writes nothing.
/// A silo that stops gracefully has drained before it leaves, so its death finds nothing to rescue.
/// </summary>
internal sealed class DeadSiloRescue(IClusterMembershipService membership, JobQueue queue, ILogger<DeadSiloRescue> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private const int Attempts = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ClusterMembershipSnapshot? previous = null;
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                // The first snapshot rescues silos that died before this one watched; later ones, the newly dead.
                var dead = (previous is null ? snapshot.Members.Values : snapshot.CreateUpdate(previous).Changes)
                    .Where(m => m.Status == SiloStatus.Dead)
                    .Select(m => ClusterSiloId.For(m.Name, m.SiloAddress))
                    .ToArray();
                previous = snapshot;
                if (dead.Length > 0) await RescueAsync(dead, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host stops.
        }
    }

    private async Task RescueAsync(string[] silos, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var rescued = await queue.RescueSilosAsync(silos, ct);
                if (rescued > 0)
                    logger.LogWarning("Requeued {Count} running jobs of silos declared dead: {Silos}", rescued, string.Join(", ", silos));
                return;
            }
            catch (Exception e) when (!ct.IsCancellationRequested && attempt < Attempts)
            {
                logger.LogWarning(e, "Could not requeue the jobs of silos declared dead ({Silos}); trying again", string.Join(", ", silos));
                await Task.Delay(RetryDelay, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // Their leases still lapse: the store's rescue takes the jobs back then.
                logger.LogError(e, "Could not requeue the jobs of silos declared dead ({Silos}); their leases will", string.Join(", ", silos));
                return;
            }
        }
    }
}
