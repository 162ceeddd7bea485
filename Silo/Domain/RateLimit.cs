using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Silo.Domain;

/// <summary>Per-member token buckets kept by a grain, refusing with <see cref="CopLiveError.RateLimited"/> and when to retry.</summary>
public static class RateLimit
{
    public static void Take(Dictionary<MemberId, TokenBucket> buckets, MemberId member, double perSecond, int burst, Instant now, string what)
    {
        if (!buckets.TryGetValue(member, out var bucket))
        {
            buckets[member] = bucket = new TokenBucket(perSecond, burst);
        }
        if (!bucket.TryTake(now, out var retryAfter))
        {
            throw new CopLiveException(CopLiveError.RateLimited,
                $"Too many {what}; retry after {Math.Ceiling(retryAfter.TotalMilliseconds)} ms.");
        }
    }
}
