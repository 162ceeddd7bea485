using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace CopLive.Silo.Grains;

/// <summary>
/// Base of grains that push to gateways: each gateway subscribes one observer and renews it within the expiry.
/// Observers are transient, never persisted: a gateway that stops renewing is forgotten.
/// </summary>
public abstract class ObservedGrain<TObserver>(ILogger logger) : PersistentGrain where TObserver : IGrainObserver
{
    /// <summary>How long a subscription lives without being renewed.</summary>
    public static readonly TimeSpan SubscriptionExpiry = TimeSpan.FromMinutes(1);

    /// <summary>The gateways subscribed now.</summary>
    protected ObserverManager<TObserver> Observers { get; } = new(SubscriptionExpiry, logger);

    /// <summary>Subscribes (or renews) a gateway's observer.</summary>
    public Task SubscribeAsync(TObserver observer)
    {
        Observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    /// <summary>Ends a gateway's subscription.</summary>
    public Task UnsubscribeAsync(TObserver observer)
    {
        Observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }
}
