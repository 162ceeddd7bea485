using System.Collections.Immutable;
using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Grains.Sessions;

/// <summary>A session with its schedule and agenda.</summary>
/// <param name="Summary">Identity, schedule and status.</param>
/// <param name="Duration">Planned length.</param>
/// <param name="Agenda">Timed phases in order.</param>
/// <param name="CreatedBy">Who scheduled it.</param>
/// <param name="CreatedAt">When it was scheduled.</param>
/// <param name="MainDocument">The session's lesson plan, co-edited by everyone.</param>
/// <param name="AutoAdvance">Whether phases move on by themselves when their time is up.</param>
/// <param name="MainRoom">The main room, its chat included, once the session has been started (default before).</param>
[GenerateSerializer, Immutable, Alias("coplive.SessionDetails")]
public sealed record SessionDetails(
    [property: Id(0)] SessionSummary Summary,
    [property: Id(1)] Duration Duration,
    [property: Id(2)] ImmutableArray<AgendaItem> Agenda,
    [property: Id(3)] MemberId CreatedBy,
    [property: Id(4)] Instant CreatedAt,
    [property: Id(5)] DocumentId MainDocument = default,
    [property: Id(6)] bool AutoAdvance = true,
    [property: Id(7)] RoomId MainRoom = default);
