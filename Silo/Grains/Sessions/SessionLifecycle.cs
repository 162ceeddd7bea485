using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Sessions;
using CopLive.Silo.Domain;
using CopLive.Silo.Domain.Practice;
using CopLive.Silo.Domain.Sessions;
using NodaTime;

namespace CopLive.Silo.Grains.Sessions;

/// <summary>A session's life: scheduled, then live, then ended; who may join it while it is live.</summary>
internal static class SessionLifecycle
{
    /// <summary>Makes a scheduled session live.</summary>
    public static void Start(SessionState state, Instant now)
    {
        EnsureScheduled(state, "start");
        state.Status = SessionStatus.Live;
        state.StartedAt = now;
    }

    /// <summary>
    /// Runs a facilitator's agenda command while the session is live, on the phase everyone currently sees: the agenda
    /// first catches up with the clock.
    /// </summary>
    public static void RunAgenda(SessionState state, SessionPlan plan, Instant now, Func<Instant, AgendaProgress> command)
    {
        if (state.Status != SessionStatus.Live)
        {
            throw new CopLiveException(CopLiveError.Conflict, "The agenda runs only while the session is live.");
        }
        var before = state.Progress;
        state.Progress = AgendaTimer.Tick(state.Progress, plan.Agenda, plan.AutoAdvance, now);
        state.Progress = command(now);
        AgendaLog.Record(state.PhaseRuns, before, state.Progress, plan.Agenda, now);
    }

    /// <summary>Refuses what only a session that has not started may do (start, cancel, move), saying why not.</summary>
    public static void EnsureScheduled(SessionState state, string what)
    {
        if (state.Status != SessionStatus.Scheduled)
        {
            throw new CopLiveException(CopLiveError.Conflict, state.Status switch
            {
                SessionStatus.Live => $"The session is already live; it cannot {what} now.",
                SessionStatus.Cancelled => "The session was cancelled.",
                _ => "The session has ended.",
            });
        }
    }

    /// <summary>Refuses to end a session twice, or one that never ran.</summary>
    public static void EnsureNotEnded(SessionState state)
    {
        if (state.Status is SessionStatus.Ended or SessionStatus.Cancelled)
        {
            throw new CopLiveException(CopLiveError.Conflict, state.Status == SessionStatus.Ended ? "The session has already ended." : "The session was cancelled.");
        }
    }

    /// <summary>Ends the session: the agenda stops and everyone's attendance ends.</summary>
    public static void End(SessionState state, SessionPlan plan, Attendance attendance, Instant now)
    {
        EnsureNotEnded(state);
        state.Status = SessionStatus.Ended;
        state.EndedAt = now;
        if (state.Progress.Status is not AgendaStatus.NotStarted and not AgendaStatus.Finished)
        {
            var before = state.Progress;
            state.Progress = state.Progress with { Status = AgendaStatus.Finished, Deadline = null, Remaining = null };
            AgendaLog.Record(state.PhaseRuns, before, state.Progress, plan.Agenda, now);
        }
        attendance.EndAll(now);
    }

    /// <summary>Refuses a member who may not join now: removed from the session, or the session is not live.</summary>
    public static void EnsureCanJoin(SessionState state, MemberId member, string connectionId)
    {
        if (string.IsNullOrWhiteSpace(connectionId) || connectionId.Length > 128)
        {
            throw CopLiveException.Invalid("connectionId", "'connectionId' must be 1-128 characters.");
        }
        if (state.Removed.Contains(member))
        {
            throw CopLiveException.Forbidden("A facilitator removed you from this session.");
        }
        if (state.Status != SessionStatus.Live)
        {
            throw new CopLiveException(CopLiveError.Conflict, state.Status switch
            {
                SessionStatus.Scheduled => "The session has not started yet.",
                SessionStatus.Cancelled => "The session was cancelled.",
                _ => "The session has ended.",
            });
        }
    }

    /// <summary>Refuses commands that need a live session.</summary>
    public static void EnsureLive(SessionState state)
    {
        if (state.Status != SessionStatus.Live)
        {
            throw new CopLiveException(CopLiveError.Conflict, "The session is not live.");
        }
    }

    /// <summary>The session as everyone in it sees it now.</summary>
    public static SessionLive Live(SessionId id, SessionState state, SessionPlan plan, Attendance attendance) => new(
        id, state.Seq, plan.Title, state.Status, state.StartedAt, state.EndedAt, plan.Agenda, state.Progress,
        attendance.Participants, plan.MainDocument, state.MainRoom,
        state.Round is { } round ? BreakoutRooms.View(round) : null,
        state.RoundsClosed, [.. state.Muted], state.Recorder, [.. state.Decisions], [.. state.ActionItems]);

    /// <summary>The session as scheduled.</summary>
    public static SessionDetails Details(SessionId id, SessionState state, SessionPlan plan) => new(
        new SessionSummary(id, plan.Community, plan.Title, plan.Start, plan.Start + plan.Duration, plan.TimeZone, plan.LocalStart, state.Status),
        plan.Duration, plan.Agenda, plan.CreatedBy, plan.CreatedAt, plan.MainDocument, plan.AutoAdvance, state.MainRoom);

    /// <summary>Whether two plans are the same (records compare their agendas by reference, so by value here).</summary>
    public static bool IsSamePlan(SessionPlan a, SessionPlan b) =>
        a with { Agenda = [] } == b with { Agenda = [] } && a.Agenda.SequenceEqual(b.Agenda);
}
