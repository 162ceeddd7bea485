using System.Collections.Immutable;
using CopLive.Grains.Ids;
using CopLive.Grains.Practice;
using CopLive.Grains.Sessions;
using Orleans.Concurrency;

namespace CopLive.Silo.Grains.Practice;

/// <summary>
/// A series as the other grains of the silo see it. Internal to the silo: these calls trust their caller to be a grain
/// that already checked the person behind the request.
/// </summary>
[Alias("coplive.ISeriesGrainInternal")]
internal interface ISeriesGrainInternal : IGrainWithGuidKey
{
    /// <summary>Records the plan of a new series. Called by its community, which has checked the right to schedule.</summary>
    [Alias("Initialize")]
    Task InitializeAsync(SeriesPlan plan);

    /// <summary>
    /// A meeting of the series ended or was cancelled: schedule the next. One-way, so a session never waits on its
    /// series (which may itself be waiting on the session); the series' reminder catches up if the message is lost.
    /// </summary>
    [Alias("OccurrenceOver"), OneWay]
    Task OccurrenceOverAsync(int occurrence);

    /// <summary>
    /// The action items still open when meeting <paramref name="occurrence"/> ended, for the next meeting. One-way, as
    /// <see cref="OccurrenceOverAsync"/>.
    /// </summary>
    [Alias("CarryActionItems"), OneWay]
    Task CarryActionItemsAsync(int occurrence, ImmutableArray<ActionItem> open);

    /// <summary>Member → standing group (room number) for the series' rounds; null when the series does not keep standing groups.</summary>
    [Alias("GetGroups")]
    Task<ImmutableDictionary<MemberId, int>?> GetGroupsAsync();

    /// <summary>Keeps the rooms of members placed for the first time as their standing groups. One-way, as <see cref="OccurrenceOverAsync"/>.</summary>
    [Alias("RememberGroups"), OneWay]
    Task RememberGroupsAsync(ImmutableArray<RoomAssignment> placement);
}
