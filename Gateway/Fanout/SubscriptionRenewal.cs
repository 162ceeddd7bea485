namespace CopLive.Gateway.Fanout;

/// <summary>
/// Grains keep gateway observers only for a while (they may also have been reactivated and forgotten them), so
/// gateways renew every subscription they still need, periodically.
/// </summary>
internal static class SubscriptionRenewal
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(15);

    public static async Task RunAsync<TKey>(
        Func<IEnumerable<TKey>> active, Func<TKey, Task> renew, Action<Exception, TKey> failed, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var key in active().ToList())
                {
                    try
                    {
                        await renew(key);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // One unreachable grain must not stop the renewal of the others.
                        failed(e, key);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
