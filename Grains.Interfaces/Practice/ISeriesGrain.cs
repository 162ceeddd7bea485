using CopLive.Grains.Security;
using NodaTime;

namespace CopLive.Grains.Practice;

/// <summary>
/// A community's recurring meeting. Its next meeting is always a scheduled session (the series schedules the one
/// after when a meeting ends, is cancelled or its time passes); the ones after are planned, and can be skipped or
/// moved ahead of time.
/// </summary>
[Alias("coplive.ISeriesGrain")]
public interface ISeriesGrain : IGrainWithGuidKey
{
    /// <summary>The series and its meetings (members of its community and the administrator); its next meeting is scheduled first if it is not yet.</summary>
    [Alias("Get")]
    Task<SeriesView> GetAsync(Caller caller);

    /// <summary>Skips one meeting (facilitators and owners); its session, if already scheduled, is cancelled and the next one scheduled.</summary>
    [Alias("Skip")]
    Task<SeriesView> SkipAsync(Caller caller, int occurrence, string? reason);

    /// <summary>Moves one meeting to another wall-clock start in the series' zone (facilitators and owners); the rest keep the rhythm.</summary>
    [Alias("Move")]
    Task<SeriesView> MoveAsync(Caller caller, int occurrence, LocalDateTime start);
}
