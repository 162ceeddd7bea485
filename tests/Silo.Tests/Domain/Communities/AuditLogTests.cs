using System.Collections.Immutable;
using CopLive.Grains.Communities;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using CopLive.Silo.Domain.Communities;
using NodaTime;
using NodaTime.Testing;

namespace CopLive.Silo.Tests.Domain.Communities;

public sealed class AuditLogTests
{
    private static readonly MemberId Ana = MemberId.New();

    private readonly List<AuditEntry> _entries = [];
    private readonly Archive _archive = new();
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 12, 4, 9, 0));
    private long _lastId;

    private AuditLog Log => new(_entries, () => _lastId, id => _lastId = id, m => m == Ana ? "Ana" : null, _archive, _clock);

    [Fact]
    public void AnEntry_NamesTheActorAndTarget_AsTheCommunityListsThem()
    {
        Log.Add(Caller.Admin, AuditActions.RoleChanged, Ana, "member → facilitator", "Leads the unit");
        Log.Add(Caller.ForMember(MemberId.New()), AuditActions.InviteRotated, null, "owner", null, AuditOutcomes.Refused);

        Assert.Equal(("admin", "Ana", 1L), (_entries[0].ActorName, _entries[0].TargetName, _entries[0].Id));
        Assert.Equal(("someone outside the community", AuditOutcomes.Refused, 2L), (_entries[1].ActorName, _entries[1].Outcome, _entries[1].Id));
    }

    [Fact]
    public async Task OlderEntries_MoveToTheArchiveInWholeBlocks_AndPagesReadThroughThem()
    {
        for (var i = 0; i < AuditLog.Kept + AuditLog.Block + 1; i++)
        {
            Log.Add(Caller.Admin, AuditActions.PhaseExtended, null, $"{i}", null);
        }

        await Log.ArchiveAsync();
        var oldest = await Log.PageAsync(before: 3, limit: 10, _ => true);

        Assert.Equal(AuditLog.Kept + 1, _entries.Count);
        Assert.Equal(AuditLog.Block + 1, _entries[0].Id);
        Assert.Equal([0L], _archive.Blocks.Keys);
        Assert.Equal([2L, 1L], oldest.Select(e => e.Id));
    }

    [Fact]
    public async Task APage_HoldsOnlyWhatTheReaderMaySee_NewestFirst()
    {
        Log.Add(Caller.Admin, AuditActions.RoleChanged, Ana, null, null);
        Log.Add(Caller.Admin, AuditActions.MemberMuted, MemberId.New(), null, null);
        Log.Add(Caller.Admin, AuditActions.MemberUnmuted, Ana, null, null);

        var anas = await Log.PageAsync(null, 50, e => e.Target == Ana);

        Assert.Equal([3L, 1L], anas.Select(e => e.Id));
    }

    private sealed class Archive : IAuditArchive
    {
        public Dictionary<long, ImmutableArray<AuditEntry>> Blocks { get; } = [];

        public Task StoreAsync(long block, ImmutableArray<AuditEntry> entries)
        {
            Blocks[block] = entries;
            return Task.CompletedTask;
        }

        public Task<ImmutableArray<AuditEntry>> GetAsync(long block) => Task.FromResult(Blocks.GetValueOrDefault(block, []));
    }
}
