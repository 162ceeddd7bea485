using System.Collections.Immutable;
using NodaTime;

namespace CopLive.Grains.Sessions;

/// <summary>What a facilitator supplies to schedule a session.</summary>
/// <param name="Title">1–200 characters.</param>
/// <param name="LocalStart">Wall-clock start in <paramref name="TimeZone"/>.</param>
/// <param name="TimeZone">IANA zone of <paramref name="LocalStart"/>.</param>
/// <param name="DurationMinutes">Length of the meeting, 1–1440; null for the length of its agenda.</param>
/// <param name="Agenda">Timed phases; together no longer than the session.</param>
/// <param name="AutoAdvance">When a phase's time is up, move on by itself (true) or wait for the facilitator.</param>
/// <param name="Template">A protocol template whose agenda the session runs, instead of <paramref name="Agenda"/>.</param>
/// <param name="FromDocument">A document of the community whose text the session's lesson plan starts from.</param>
[GenerateSerializer, Immutable, Alias("coplive.NewSession")]
public sealed record NewSession(
    [property: Id(0)] string Title,
    [property: Id(1)] LocalDateTime LocalStart,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] int? DurationMinutes,
    [property: Id(4)] ImmutableArray<AgendaItem> Agenda,
    [property: Id(5)] bool AutoAdvance = true,
    [property: Id(6)] string? Template = null,
    [property: Id(7)] Ids.DocumentId? FromDocument = null);
