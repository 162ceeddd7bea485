using System.Collections.Immutable;
using NodaTime;

namespace CopLive.Grains.Sessions;

/// <summary>
/// What a facilitator changes in a scheduled session; what is null stays as it was. The agenda must still fit the
/// length, and the session must not be over already.
/// </summary>
/// <param name="Title">A new title.</param>
/// <param name="Agenda">A new agenda, whole.</param>
/// <param name="Start">A new wall-clock start in the session's zone.</param>
/// <param name="DurationMinutes">A new length.</param>
[GenerateSerializer, Immutable, Alias("coplive.SessionRevision")]
public sealed record SessionRevision(
    [property: Id(0)] string? Title = null,
    [property: Id(1)] ImmutableArray<AgendaItem>? Agenda = null,
    [property: Id(2)] LocalDateTime? Start = null,
    [property: Id(3)] int? DurationMinutes = null)
{
    /// <summary>Whether it changes anything at all.</summary>
    public bool IsEmpty => Title is null && Agenda is null && Start is null && DurationMinutes is null;
}
