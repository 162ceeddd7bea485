namespace CopLive.Grains.Sessions;

/// <summary>One timed phase of a session's agenda.</summary>
/// <param name="Title">What the phase is, 1–200 characters.</param>
/// <param name="Minutes">How long it runs, at least 1.</param>
/// <param name="SpeakingRule">Optional norm for the phase, such as "presenter stays silent", up to 200 characters.</param>
/// <param name="Prompt">Optional question or task for the phase, shown to everyone and seeded into each breakout room's notes, up to 1,000 characters.</param>
/// <param name="Breakout">When set, the phase is a breakout phase: a round opens as it starts and closes as it ends.</param>
[GenerateSerializer, Immutable, Alias("coplive.AgendaItem")]
public sealed record AgendaItem(
    [property: Id(0)] string Title,
    [property: Id(1)] int Minutes,
    [property: Id(2)] string? SpeakingRule = null,
    [property: Id(3)] string? Prompt = null,
    [property: Id(4)] PhaseBreakout? Breakout = null);
