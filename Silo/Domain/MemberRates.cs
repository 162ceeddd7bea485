using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Silo.Domain;

/// <summary>
/// One token bucket per member for one kind of action (edits, chat messages, cursor moves), so one person's flood
/// never slows anyone else. A refusal is <see cref="CopLiveError.RateLimited"/> and says when to retry.
/// </summary>
/// <param name="perSecond">The sustained rate allowed.</param>
/// <param name="burst">How many may come at once.</param>
/// <param name="what">The action in a refusal's words, plural: <c>edits</c>.</param>
public sealed class MemberRates(double perSecond, int burst, string what)
{
    private readonly Dictionary<MemberId, TokenBucket> _buckets = [];

    /// <summary>Takes one action from <paramref name="member"/>'s allowance; refuses once it is spent.</summary>
    /// <exception cref="CopLiveException">The member is over the rate.</exception>
    public void Take(MemberId member, Instant now)
    {
        if (Refusal(member, now) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>Takes one action from <paramref name="member"/>'s allowance; the refusal to throw once it is spent, null while it lasts.</summary>
    public CopLiveException? Refusal(MemberId member, Instant now)
    {
        if (!_buckets.TryGetValue(member, out var bucket))
        {
            _buckets[member] = bucket = new TokenBucket(perSecond, burst);
        }
        return bucket.TryTake(now, out var retryAfter)
            ? null
            : new CopLiveException(CopLiveError.RateLimited, $"Too many {what}; retry after {Math.Ceiling(retryAfter.TotalMilliseconds)} ms.");
    }
}
