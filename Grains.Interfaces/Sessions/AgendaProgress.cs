using NodaTime;

namespace CopLive.Grains.Sessions;

/// <summary>The agenda's position: which phase, and its deadline (absolute, so it survives restarts) or remaining time when paused.</summary>
/// <param name="Phase">Index of the current phase; -1 before the start.</param>
/// <param name="Status">Where the countdown is.</param>
/// <param name="Deadline">When the current phase ends, while running or in overtime.</param>
/// <param name="Remaining">Time left in the phase, while paused.</param>
[GenerateSerializer, Immutable, Alias("coplive.AgendaProgress")]
public sealed record AgendaProgress(
    [property: Id(0)] int Phase,
    [property: Id(1)] AgendaStatus Status,
    [property: Id(2)] Instant? Deadline,
    [property: Id(3)] Duration? Remaining)
{
    /// <summary>An agenda not started yet.</summary>
    public static AgendaProgress NotStarted { get; } = new(-1, AgendaStatus.NotStarted, null, null);
}
