using NodaTime;

namespace CopLive.Grains.Practice;

/// <summary>How one agenda phase actually ran: when it started and ended (null while it runs).</summary>
[GenerateSerializer, Immutable, Alias("coplive.PhaseRun")]
public sealed record PhaseRun(
    [property: Id(0)] int Phase,
    [property: Id(1)] Instant Started,
    [property: Id(2)] Instant? Ended);
