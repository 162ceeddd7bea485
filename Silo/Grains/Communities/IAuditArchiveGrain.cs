using System.Collections.Immutable;
using CopLive.Grains.Communities;

namespace CopLive.Silo.Grains.Communities;

/// <summary>
/// A written-once block of a community's older audit entries, keyed <c>{communityId}/{block}</c>; block n holds
/// entry ids n × <see cref="CopLive.Silo.Domain.Communities.AuditLog.Block"/> + 1 onwards. Only community grains use it.
/// </summary>
[Alias("coplive.IAuditArchiveGrain")]
internal interface IAuditArchiveGrain : IGrainWithStringKey
{
    [Alias("Store")]
    Task StoreAsync(ImmutableArray<AuditEntry> entries);

    [Alias("Get")]
    Task<ImmutableArray<AuditEntry>> GetAsync();
}
