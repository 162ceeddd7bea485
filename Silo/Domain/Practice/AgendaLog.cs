using System.Collections.Immutable;
using CopLive.Grains.Practice;
using CopLive.Grains.Sessions;
using NodaTime;

namespace CopLive.Silo.Domain.Practice;

/// <summary>
/// When each agenda phase really started and ended, kept as the agenda moves: the minutes' "agenda as run", with
/// its overruns. A phase entered by the clock starts at the deadline of the one before (the rhythm the agenda keeps),
/// so a tick that comes late, or catches up after a restart, still records the true times.
/// </summary>
public static class AgendaLog
{
    /// <summary>Records the move from <paramref name="before"/> to <paramref name="after"/> in <paramref name="runs"/>.</summary>
    public static void Record(List<PhaseRun> runs, AgendaProgress before, AgendaProgress after, ImmutableArray<AgendaItem> agenda, Instant now)
    {
        var wasRunning = before.Status is not (AgendaStatus.NotStarted or AgendaStatus.Finished);
        var isRunning = after.Status is not (AgendaStatus.NotStarted or AgendaStatus.Finished);
        if (wasRunning == isRunning && (!isRunning || before.Phase == after.Phase))
        {
            return;
        }
        // Where the new phase began: its deadline less its minutes when its countdown is running, otherwise now.
        var start = after is { Status: AgendaStatus.Running, Deadline: { } deadline } && after.Phase < agenda.Length
            ? deadline - Duration.FromMinutes(agenda[after.Phase].Minutes)
            : now;
        if (start > now)
        {
            start = now;
        }
        if (wasRunning)
        {
            // Phases the clock passed through whole (a restart's catch-up) ran their planned minutes, back from the start.
            // (Ending the session finishes the agenda on the phase it was in: nothing passed.)
            var passed = after.Phase - before.Phase - 1;
            var end = start;
            var skipped = new List<PhaseRun>();
            for (var phase = before.Phase + Math.Max(passed, 0); phase > before.Phase; phase--)
            {
                var began = end - Duration.FromMinutes(agenda[phase].Minutes);
                skipped.Insert(0, new PhaseRun(phase, began, end));
                end = began;
            }
            Close(runs, before.Phase, end);
            runs.AddRange(skipped);
        }
        if (isRunning)
        {
            runs.Add(new PhaseRun(after.Phase, start, null));
        }
    }

    /// <summary>The agenda as planned and as run, phase by phase.</summary>
    public static ImmutableArray<PhaseMinutes> AsRun(IReadOnlyList<PhaseRun> runs, ImmutableArray<AgendaItem> agenda) =>
        [.. agenda.Select((item, i) =>
        {
            var run = runs.LastOrDefault(r => r.Phase == i);
            var planned = Duration.FromMinutes(item.Minutes);
            var overrun = run is { Ended: { } ended } && ended - run.Started > planned ? ended - run.Started - planned : Duration.Zero;
            return new PhaseMinutes(item.Title, item.Minutes, run?.Started, run?.Ended, overrun);
        })];

    private static void Close(List<PhaseRun> runs, int phase, Instant end)
    {
        var index = runs.FindLastIndex(r => r.Phase == phase && r.Ended is null);
        if (index >= 0)
        {
            runs[index] = runs[index] with { Ended = end < runs[index].Started ? runs[index].Started : end };
        }
    }
}
