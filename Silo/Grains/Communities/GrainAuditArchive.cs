using System.Collections.Immutable;
using CopLive.Grains.Communities;
using CopLive.Silo.Domain.Communities;

namespace CopLive.Silo.Grains.Communities;

/// <summary>A community's archived audit blocks, each an <see cref="IAuditArchiveGrain"/> written once.</summary>
internal sealed class GrainAuditArchive(IGrainFactory grains, Guid community) : IAuditArchive
{
    public Task StoreAsync(long block, ImmutableArray<AuditEntry> entries) => Block(block).StoreAsync(entries);

    public Task<ImmutableArray<AuditEntry>> GetAsync(long block) => Block(block).GetAsync();

    private IAuditArchiveGrain Block(long block) => grains.GetGrain<IAuditArchiveGrain>(AuditArchiveGrain.Key(community, block));
}
