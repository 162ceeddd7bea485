using System.Collections.Immutable;
using CopLive.Grains.Communities;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using NodaTime;

namespace CopLive.Silo.Domain.Communities;

/// <summary>
/// A community's audit log: who did what to whom, why, and whether it was allowed. The newest
/// <see cref="Kept"/> entries live in the community's state; older ones move out, a block of <see cref="Block"/> at a
/// time, to an <see cref="IAuditArchive"/>, so the community's state stays bounded however long it lives.
/// </summary>
/// <param name="entries">The entries kept in the community's state, oldest first.</param>
/// <param name="lastId">The last entry id given (kept in the community's state).</param>
/// <param name="setLastId">Records a newly given entry id.</param>
/// <param name="nameOf">A member's name as the community lists them, or null.</param>
/// <param name="archive">Where whole blocks of older entries go.</param>
/// <param name="clock">Stamps each entry.</param>
public sealed class AuditLog(List<AuditEntry> entries, Func<long> lastId, Action<long> setLastId, Func<MemberId, string?> nameOf, IAuditArchive archive, IClock clock)
{
    /// <summary>Entries kept in the community's own state.</summary>
    public const int Kept = 2_000;

    /// <summary>Entries per archived block; block n holds ids n × Block + 1 onwards.</summary>
    public const int Block = 500;

    /// <summary>Adds an entry, naming the actor and target as the community lists them now.</summary>
    public void Add(Caller actor, string action, MemberId? target, string? detail, string? reason, string outcome = AuditOutcomes.Done)
    {
        var actorName = actor.IsAdmin ? "admin" : nameOf(actor.Member) ?? "someone outside the community";
        var targetName = target is { } t ? nameOf(t) : null;
        var id = lastId() + 1;
        setLastId(id);
        entries.Add(new AuditEntry(id, clock.GetCurrentInstant(), actor.Member, actorName, action, target, targetName, detail, reason, outcome));
    }

    /// <summary>Moves whole blocks of the oldest entries to the archive once the list is long (before the state is written).</summary>
    public async Task ArchiveAsync()
    {
        while (entries.Count > Kept + Block)
        {
            var block = (entries[0].Id - 1) / Block;
            var moving = entries.TakeWhile(e => (e.Id - 1) / Block == block).ToImmutableArray();
            await archive.StoreAsync(block, moving);
            entries.RemoveRange(0, moving.Length);
        }
    }

    /// <summary>Up to <paramref name="limit"/> visible entries older than <paramref name="before"/>, newest first.</summary>
    public async Task<ImmutableArray<AuditEntry>> PageAsync(long? before, int limit, Func<AuditEntry, bool> visible)
    {
        limit = Math.Clamp(limit, 1, 200);
        bool Wanted(AuditEntry a) => (before is null || a.Id < before) && visible(a);

        var page = entries.Where(Wanted).OrderByDescending(a => a.Id).Take(limit).ToList();
        var oldestKept = entries.Count > 0 ? entries[0].Id : lastId() + 1;
        for (var block = (Math.Min(before ?? long.MaxValue, oldestKept) - 2) / Block; page.Count < limit && block >= 0; block--)
        {
            var archived = await archive.GetAsync(block);
            page.AddRange(archived.Where(a => Wanted(a) && a.Id < oldestKept).OrderByDescending(a => a.Id).Take(limit - page.Count));
        }
        return [.. page];
    }
}
