using System.Collections.Immutable;
using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Grains.Sessions;

/// <summary>
/// Everything a participant's screen shows about a session, numbered by <see cref="Seq"/>: each change of any of
/// it increases the number, so a client that saw sequence N and now gets M > N + 1 knows it missed something and
/// simply takes this (complete) state.
/// </summary>
[GenerateSerializer, Immutable, Alias("coplive.SessionLive")]
public sealed record SessionLive(
    [property: Id(0)] SessionId Session,
    [property: Id(1)] long Seq,
    [property: Id(2)] string Title,
    [property: Id(3)] SessionStatus Status,
    [property: Id(4)] Instant? StartedAt,
    [property: Id(5)] Instant? EndedAt,
    [property: Id(6)] ImmutableArray<AgendaItem> Agenda,
    [property: Id(7)] AgendaProgress Progress,
    [property: Id(8)] ImmutableArray<Participant> Present,
    [property: Id(9)] DocumentId MainDocument,
    [property: Id(10)] RoomId MainRoom = default,
    [property: Id(11)] BreakoutView? Breakout = null,
    [property: Id(12)] int RoundsClosed = 0,
    [property: Id(13)] ImmutableArray<MemberId> Muted = default,
    [property: Id(14)] MemberId? Recorder = null,
    [property: Id(15)] ImmutableArray<Practice.Decision> Decisions = default,
    [property: Id(16)] ImmutableArray<Practice.ActionItem> ActionItems = default);
