using System.Collections.Immutable;
using CopLive.Grains.Errors;
using CopLive.Grains.Sessions;
using NodaTime;

namespace CopLive.Silo.Domain;

/// <summary>
/// The agenda's countdown as pure functions of (progress, phases, now): start, advance, pause, resume, extend,
/// and what happens when a deadline passes. Deadlines are instants, so the same state means the same
/// countdown on every screen and after any restart.
/// </summary>
public static class AgendaTimer
{
    /// <summary>Longest extension or shortening in one step.</summary>
    public const int MaxExtendMinutes = 120;

    public static AgendaProgress Start(AgendaProgress progress, ImmutableArray<AgendaItem> phases, Instant now)
    {
        if (progress.Status != AgendaStatus.NotStarted)
        {
            throw new CopLiveException(CopLiveError.Conflict, "The agenda has already started.");
        }
        if (phases.IsDefaultOrEmpty)
        {
            throw new CopLiveException(CopLiveError.Conflict, "This session has no agenda to start.");
        }
        return Enter(0, phases, now);
    }

    public static AgendaProgress Advance(AgendaProgress progress, ImmutableArray<AgendaItem> phases, Instant now)
    {
        if (progress.Status is AgendaStatus.NotStarted or AgendaStatus.Finished)
        {
            throw new CopLiveException(CopLiveError.Conflict, progress.Status == AgendaStatus.NotStarted
                ? "The agenda has not started." : "The agenda is finished.");
        }
        return Enter(progress.Phase + 1, phases, now);
    }

    public static AgendaProgress Pause(AgendaProgress progress, Instant now) => progress switch
    {
        { Status: AgendaStatus.Running, Deadline: { } deadline } =>
            progress with { Status = AgendaStatus.Paused, Deadline = null, Remaining = Max(deadline - now, Duration.Zero) },
        _ => throw new CopLiveException(CopLiveError.Conflict, "Only a running phase can be paused."),
    };

    public static AgendaProgress Resume(AgendaProgress progress, Instant now) => progress switch
    {
        { Status: AgendaStatus.Paused, Remaining: { } remaining } =>
            progress with { Status = AgendaStatus.Running, Deadline = now + remaining, Remaining = null },
        _ => throw new CopLiveException(CopLiveError.Conflict, "Only a paused phase can be resumed."),
    };

    /// <summary>Moves the current phase's end by <paramref name="minutes"/> (negative shortens).</summary>
    public static AgendaProgress Extend(AgendaProgress progress, int minutes, Instant now)
    {
        if (minutes == 0 || Math.Abs(minutes) > MaxExtendMinutes)
        {
            throw CopLiveException.Invalid("minutes", $"'minutes' must be between -{MaxExtendMinutes} and {MaxExtendMinutes}, and not 0; it was {minutes}.");
        }
        var change = Duration.FromMinutes(minutes);
        return progress switch
        {
            { Status: AgendaStatus.Running, Deadline: { } deadline } => progress with { Deadline = Max(deadline + change, now) },
            { Status: AgendaStatus.Paused, Remaining: { } remaining } => progress with { Remaining = Max(remaining + change, Duration.Zero) },
            { Status: AgendaStatus.Overtime } when minutes > 0 => progress with { Status = AgendaStatus.Running, Deadline = now + change },
            _ => throw new CopLiveException(CopLiveError.Conflict, "There is no phase running to extend."),
        };
    }

    /// <summary>
    /// What the passing of time does: a phase whose deadline is past moves on (when <paramref name="autoAdvance"/>),
    /// keeping the schedule's rhythm (the next phase starts at the old deadline), or waits in overtime.
    /// </summary>
    public static AgendaProgress Tick(AgendaProgress progress, ImmutableArray<AgendaItem> phases, bool autoAdvance, Instant now)
    {
        while (progress is { Status: AgendaStatus.Running, Deadline: { } deadline } && deadline <= now)
        {
            if (!autoAdvance)
            {
                return progress with { Status = AgendaStatus.Overtime };
            }
            progress = Enter(progress.Phase + 1, phases, deadline);
        }
        return progress;
    }

    private static AgendaProgress Enter(int phase, ImmutableArray<AgendaItem> phases, Instant from) =>
        phase >= phases.Length
            ? new AgendaProgress(phases.Length, AgendaStatus.Finished, null, null)
            : new AgendaProgress(phase, AgendaStatus.Running, from + Duration.FromMinutes(phases[phase].Minutes), null);

    private static Duration Max(Duration a, Duration b) => a > b ? a : b;

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
}
