namespace CopLive.Grains.Sessions;

/// <summary>One timed phase of a session's agenda.</summary>
/// <param name="Title">What the phase is, 1–200 characters.</param>
/// <param name="Minutes">How long it runs, at least 1.</param>
/// <param name="SpeakingRule">Optional norm for the phase, such as "presenter stays silent", up to 200 characters.</param>
[GenerateSerializer, Immutable, Alias("coplive.AgendaItem")]
public sealed record AgendaItem(
    [property: Id(0)] string Title,
    [property: Id(1)] int Minutes,
    [property: Id(2)] string? SpeakingRule = null);
