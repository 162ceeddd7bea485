namespace CopLive.Gateway.Cluster;

/// <summary>
/// In embedded mode the gateway's own silo tells it when another silo is declared dead (PostgreSQL clustering; a
/// lone SQLite silo never sees one).
/// </summary>
internal sealed partial class MembershipWatch(IClusterMembershipService membership, SiloLoss loss, ILogger<MembershipWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var dead = new HashSet<SiloAddress>();
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                var newlyDead = snapshot.Members.Values
                    .Where(m => m.Status == SiloStatus.Dead && dead.Add(m.SiloAddress))
                    .ToList();
                if (newlyDead.Count > 0)
                {
                    LogDead(string.Join(", ", newlyDead.Select(m => m.SiloAddress)));
                    loss.Raise();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silos} declared dead; renewing subscriptions")]
    private partial void LogDead(string silos);
}
