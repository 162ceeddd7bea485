using System.Collections.Immutable;
using CopLive.Grains.Practice;
using CopLive.Grains.Sessions;
using CopLive.Silo.Domain;
using CopLive.Silo.Domain.Practice;
using NodaTime;

namespace CopLive.Silo.Tests.Domain.Practice;

/// <summary>The agenda as it really ran, for the minutes: start and end of every phase, whoever or whatever moved it on.</summary>
public sealed class AgendaLogTests
{
    private static readonly ImmutableArray<AgendaItem> Agenda = [new("Presentation", 10), new("Questions", 5), new("Feedback", 20), new("Debrief", 5)];
    private static readonly Instant Start = Instant.FromUtc(2027, 1, 5, 22, 0);

    [Fact]
    public void PhasesMovedOnByHand_EndWhenTheFacilitatorMovesOn_AndShowTheirOverrun()
    {
        var runs = new List<PhaseRun>();
        var progress = Step(runs, AgendaProgress.NotStarted, p => AgendaTimer.Start(p, Agenda, Start), Start);
        progress = Step(runs, progress, p => AgendaTimer.Advance(p, Agenda, Start + Duration.FromMinutes(13)), Start + Duration.FromMinutes(13));
        Step(runs, progress, p => p with { Status = AgendaStatus.Finished, Deadline = null }, Start + Duration.FromMinutes(16));

        var asRun = AgendaLog.AsRun(runs, Agenda);

        Assert.Equal((Start, Start + Duration.FromMinutes(13), Duration.FromMinutes(3)), (asRun[0].Started, asRun[0].Ended, asRun[0].Overrun));
        Assert.Equal((Start + Duration.FromMinutes(13), Start + Duration.FromMinutes(16), Duration.Zero), (asRun[1].Started, asRun[1].Ended, asRun[1].Overrun));
        Assert.Null(asRun[2].Started);
    }

    [Fact]
    public void PhasesTheClockPassedThroughWhileNobodyWasThere_KeepTheirPlannedTimes()
    {
        var runs = new List<PhaseRun>();
        var started = Step(runs, AgendaProgress.NotStarted, p => AgendaTimer.Start(p, Agenda, Start), Start);
        // A restart: the first tick comes 33 minutes later and passes through two phases at once.
        var now = Start + Duration.FromMinutes(33);
        Step(runs, started, p => AgendaTimer.Tick(p, Agenda, autoAdvance: true, now), now);

        var asRun = AgendaLog.AsRun(runs, Agenda);

        Assert.Equal([Start, Start + Duration.FromMinutes(10), Start + Duration.FromMinutes(15)], asRun.Take(3).Select(p => p.Started!.Value));
        Assert.Equal([Start + Duration.FromMinutes(10), Start + Duration.FromMinutes(15)], asRun.Take(2).Select(p => p.Ended!.Value));
        Assert.Null(asRun[2].Ended);
        Assert.All(asRun, p => Assert.Equal(Duration.Zero, p.Overrun));
    }

    private static AgendaProgress Step(List<PhaseRun> runs, AgendaProgress before, Func<AgendaProgress, AgendaProgress> change, Instant now)
    {
        var after = change(before);
        AgendaLog.Record(runs, before, after, Agenda, now);
        return after;
    }
}
