using System.Collections.Immutable;
using CopLive.Grains.Ids;
using CopLive.Grains.Sessions;
using NodaTime;

namespace CopLive.Grains.Practice;

/// <summary>
/// The record of a meeting: when and who (with times), the agenda as it ran, decisions, action items, what each
/// breakout room wrote, and the version of the lesson plan it ended with. A draft while the meeting runs; final once it ended.
/// </summary>
[GenerateSerializer, Immutable, Alias("coplive.Minutes")]
public sealed record Minutes(
    [property: Id(0)] SessionId Session,
    [property: Id(1)] CommunityId Community,
    [property: Id(2)] string Title,
    [property: Id(3)] string TimeZone,
    [property: Id(4)] LocalDateTime ScheduledStart,
    [property: Id(5)] SessionStatus Status,
    [property: Id(6)] Instant? StartedAt,
    [property: Id(7)] Instant? EndedAt,
    [property: Id(8)] ImmutableArray<AttendanceRecord> Attendance,
    [property: Id(9)] ImmutableArray<PhaseMinutes> Agenda,
    [property: Id(10)] ImmutableArray<Decision> Decisions,
    [property: Id(11)] ImmutableArray<ActionItem> ActionItems,
    [property: Id(12)] ImmutableArray<RoomMinutes> Rooms,
    [property: Id(13)] DocumentId Plan,
    [property: Id(14)] long PlanVersion);

/// <summary>One agenda phase as planned and as run; <paramref name="Overrun"/> is how much longer than planned it ran.</summary>
[GenerateSerializer, Immutable, Alias("coplive.PhaseMinutes")]
public sealed record PhaseMinutes(
    [property: Id(0)] string Title,
    [property: Id(1)] int PlannedMinutes,
    [property: Id(2)] Instant? Started,
    [property: Id(3)] Instant? Ended,
    [property: Id(4)] Duration Overrun);

/// <summary>What one breakout room wrote (without the prompt its notes started with).</summary>
[GenerateSerializer, Immutable, Alias("coplive.RoomMinutes")]
public sealed record RoomMinutes(
    [property: Id(0)] string Round,
    [property: Id(1)] string Room,
    [property: Id(2)] DocumentId Notes,
    [property: Id(3)] string Text);
