using CopLive.Gateway.Cluster;

namespace CopLive.Gateway.Fanout;

/// <summary>
/// Grains keep gateway observers only for a while (they may also have been reactivated and forgotten them), so
/// gateways renew every subscription they still need: periodically, at once when a silo is lost (its grains come back
/// elsewhere with no observers), and again shortly while any renewal fails (the cluster may still be recovering).
/// </summary>
public sealed class SubscriptionRenewal(SiloLoss loss, FanoutOptions options)
{
    /// <summary>How soon a failed renewal is tried again.</summary>
    public static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    private readonly TimeSpan _every = TimeSpan.FromSeconds(options.RenewSeconds);

    /// <summary>Renews, until the gateway stops, the subscription to every grain <paramref name="active"/> lists.</summary>
    public async Task RunAsync<TKey>(
        Func<IEnumerable<TKey>> active, Func<TKey, Task> renew, Action<Exception, TKey> failed, CancellationToken stoppingToken)
    {
        var wait = _every;
        try
        {
            while (true)
            {
                var lost = loss.Next;
                await Task.WhenAny(Task.Delay(wait, stoppingToken), lost).WaitAsync(stoppingToken);
                var failures = 0;
                foreach (var key in active().ToList())
                {
                    try
                    {
                        await renew(key);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // One unreachable grain must not stop the renewal of the others.
                        failures++;
                        failed(e, key);
                    }
                }
                wait = failures > 0 ? Retry : _every;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
