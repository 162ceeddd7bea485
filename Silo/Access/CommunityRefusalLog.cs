using CopLive.Grains.Communities;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using CopLive.Silo.Grains;

namespace CopLive.Silo.Access;

/// <summary>Records refusals in the audit log of a community, for the grains that belong to it.</summary>
internal sealed class CommunityRefusalLog(IGrainFactory grains, Func<CommunityId> community) : IRefusalLog
{
    public Task RefusedAsync(Caller caller, Attempt attempt) =>
        grains.GetCommunityInternal(community()).RecordAsync(caller, attempt.Action, attempt.Target, attempt.Detail, null, AuditOutcomes.Refused);
}
