namespace CopLive.Grains.Sessions;

/// <summary>One timed phase of a session's agenda.</summary>
/// <param name="Title">What the phase is, 1–200 characters.</param>
/// <param name="Minutes">How long it runs, at least 1.</param>
[GenerateSerializer, Immutable, Alias("coplive.AgendaItem")]
public sealed record AgendaItem([property: Id(0)] string Title, [property: Id(1)] int Minutes);
