using System.Collections.Immutable;
using CopLive.Grains.Sessions;

namespace CopLive.Grains.Practice;

/// <summary>What a facilitator supplies to save a protocol template in their community.</summary>
/// <param name="Name">1–200 characters, unique in the community.</param>
/// <param name="Description">Optional, up to 2,000 characters.</param>
/// <param name="Agenda">1–50 phases, together at most a day.</param>
[GenerateSerializer, Immutable, Alias("coplive.NewTemplate")]
public sealed record NewTemplate(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Description,
    [property: Id(2)] ImmutableArray<AgendaItem> Agenda);
