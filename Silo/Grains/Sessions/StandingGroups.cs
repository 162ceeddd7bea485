using System.Collections.Immutable;
using CopLive.Grains.Ids;
using CopLive.Grains.Sessions;
using CopLive.Silo.Grains.Practice;

namespace CopLive.Silo.Grains.Sessions;

/// <summary>
/// A session's side of its series' standing groups: the groups an automatic round starts from (none outside a series
/// that keeps them), and the rooms of members placed for the first time, which become their groups.
/// </summary>
internal sealed class StandingGroups(IGrainFactory grains, SessionPlan plan)
{
    /// <summary>Member → group, or null when this session's rounds are not kept in standing groups.</summary>
    public async Task<IReadOnlyDictionary<MemberId, int>?> GetAsync() =>
        plan.Series == default ? null : await grains.GetSeriesInternal(plan.Series).GetGroupsAsync();

    /// <summary>Tells the series where members were placed; it keeps the place of those it had no group for.</summary>
    public Task RememberAsync(IReadOnlyDictionary<MemberId, int> placement) =>
        plan.Series == default || placement.Count == 0
            ? Task.CompletedTask
            : grains.GetSeriesInternal(plan.Series).RememberGroupsAsync([.. placement.Select(p => new RoomAssignment(p.Key, p.Value))]);
}
