using System.Collections.Immutable;
using CopLive.Grains.Communities;
using CopLive.Silo.Storage;

namespace CopLive.Silo.Grains.Communities;

/// <summary>Holds one archived block of audit entries.</summary>
[GrainType("coplive.audit-archive")]
public sealed class AuditArchiveGrain(
    [PersistentState("audit", StorageNames.Default)] IPersistentState<AuditArchiveState> state)
    : PersistentGrain, IAuditArchiveGrain
{
    public static string Key(Guid community, long block) => $"{community:N}/{block}";

    public async Task StoreAsync(ImmutableArray<AuditEntry> entries)
    {
        // A community that crashed after archiving but before trimming its own list archives the block again.
        var fresh = entries.Where(e => state.State.Entries.TrueForAll(x => x.Id != e.Id)).ToList();
        if (fresh.Count > 0)
        {
            state.State.Entries.AddRange(fresh);
            await PersistAsync(state);
        }
    }

    public Task<ImmutableArray<AuditEntry>> GetAsync() => Task.FromResult(state.State.Entries.ToImmutableArray());
}

/// <summary>Persisted archived audit entries.</summary>
[GenerateSerializer, Alias("coplive.AuditArchiveState")]
public sealed class AuditArchiveState
{
    [Id(0)] public List<AuditEntry> Entries { get; set; } = [];
}
