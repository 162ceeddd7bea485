using NodaTime;

namespace CopLive.Silo.Domain;

/// <summary>A token bucket: a sustained rate with room for bursts. Pure; time comes from the caller.</summary>
public sealed class TokenBucket(double perSecond, int burst)
{
    private double _tokens = burst;
    private Instant _last = Instant.MinValue;

    /// <summary>Takes a token, or returns how long until one is available.</summary>
    public bool TryTake(Instant now, out Duration retryAfter)
    {
        if (_last != Instant.MinValue)
        {
            _tokens = Math.Min(burst, _tokens + (now - _last).TotalSeconds * perSecond);
        }
        _last = now;
        if (_tokens >= 1)
        {
            _tokens -= 1;
            retryAfter = Duration.Zero;
            return true;
        }
        retryAfter = Duration.FromSeconds((1 - _tokens) / perSecond);
        return false;
    }
}
