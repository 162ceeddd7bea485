using System.Collections.Immutable;
using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Grains.Practice;

/// <summary>A recurring meeting and each of its meetings.</summary>
/// <param name="Id">The series.</param>
/// <param name="Plan">Its rhythm and agenda.</param>
/// <param name="Occurrences">Every meeting of the series, in order.</param>
[GenerateSerializer, Immutable, Alias("coplive.SeriesView")]
public sealed record SeriesView(
    [property: Id(0)] SeriesId Id,
    [property: Id(1)] SeriesPlan Plan,
    [property: Id(2)] ImmutableArray<Occurrence> Occurrences);

/// <summary>One meeting of a series.</summary>
/// <param name="Index">0 for the first meeting.</param>
/// <param name="LocalStart">Its wall-clock start in the series' zone (moved, if it was).</param>
/// <param name="Start">The same, as an instant.</param>
/// <param name="Status">Whether it is planned, scheduled as a session, skipped or over.</param>
/// <param name="Session">Its session, once scheduled.</param>
/// <param name="Moved">Whether a facilitator moved it from the series' rhythm.</param>
[GenerateSerializer, Immutable, Alias("coplive.Occurrence")]
public sealed record Occurrence(
    [property: Id(0)] int Index,
    [property: Id(1)] LocalDateTime LocalStart,
    [property: Id(2)] Instant Start,
    [property: Id(3)] OccurrenceStatus Status,
    [property: Id(4)] SessionId? Session,
    [property: Id(5)] bool Moved);

/// <summary>Where one meeting of a series is.</summary>
[GenerateSerializer, Alias("coplive.OccurrenceStatus")]
public enum OccurrenceStatus
{
    /// <summary>Ahead; its session is scheduled when it is the next meeting.</summary>
    Planned = 0,

    /// <summary>The next meeting (or the one running): its session exists.</summary>
    Scheduled = 1,

    /// <summary>A facilitator skipped it.</summary>
    Skipped = 2,

    /// <summary>Held, cancelled, or its time passed.</summary>
    Over = 3,
}
