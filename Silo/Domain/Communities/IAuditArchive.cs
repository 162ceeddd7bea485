using System.Collections.Immutable;
using CopLive.Grains.Communities;

namespace CopLive.Silo.Domain.Communities;

/// <summary>Where a community's older audit entries are kept, in written-once blocks.</summary>
public interface IAuditArchive
{
    /// <summary>Stores block <paramref name="block"/>; storing it again is harmless.</summary>
    Task StoreAsync(long block, ImmutableArray<AuditEntry> entries);

    /// <summary>Reads block <paramref name="block"/> (empty when there is none).</summary>
    Task<ImmutableArray<AuditEntry>> GetAsync(long block);
}
