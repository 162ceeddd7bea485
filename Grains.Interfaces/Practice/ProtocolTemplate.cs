using System.Collections.Immutable;
using CopLive.Grains.Ids;
using CopLive.Grains.Sessions;
using NodaTime;

namespace CopLive.Grains.Practice;

/// <summary>
/// A kind of meeting a community runs again and again: a named agenda of timed phases with their prompts, speaking
/// rules and breakout phases. Built in (the protocols every community knows) or saved by the community.
/// </summary>
/// <param name="Id">Stable id: a word for a built-in (<c>tuning</c>), a GUID for a community's own.</param>
/// <param name="Name">1–200 characters.</param>
/// <param name="Description">What the protocol is for, up to 2,000 characters.</param>
/// <param name="Agenda">Its phases, in order.</param>
/// <param name="BuiltIn">True for the protocols CopLive ships; they cannot be deleted.</param>
/// <param name="CreatedBy">Who saved it; default for a built-in.</param>
/// <param name="CreatedAt">When it was saved; null for a built-in.</param>
[GenerateSerializer, Immutable, Alias("coplive.ProtocolTemplate")]
public sealed record ProtocolTemplate(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Description,
    [property: Id(3)] ImmutableArray<AgendaItem> Agenda,
    [property: Id(4)] bool BuiltIn,
    [property: Id(5)] MemberId CreatedBy = default,
    [property: Id(6)] Instant? CreatedAt = null)
{
    /// <summary>The minutes of all its phases.</summary>
    public int TotalMinutes => Agenda.IsDefault ? 0 : Agenda.Sum(a => a.Minutes);
}
