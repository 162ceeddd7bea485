namespace CopLive.Gateway.Cluster;

/// <summary>
/// Says when a silo has left the cluster. The grains it held come back on other silos without the gateways'
/// observers, so the gateway's subscriptions renew at once on this signal instead of at the next periodic renewal.
/// Raised from the Orleans client's gateway connections (client mode) or the silo's membership view (embedded).
/// </summary>
public sealed class SiloLoss
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next loss. Take it before renewing, so a loss during a renewal is not missed.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>A silo has gone.</summary>
    public void Raise() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
