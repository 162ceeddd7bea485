using System.Collections.Immutable;
using CopLive.Grains.Communities;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Practice;
using CopLive.Grains.Rooms;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using CopLive.Silo.Access;
using CopLive.Silo.Domain;
using CopLive.Silo.Domain.Practice;
using CopLive.Silo.Domain.Sessions;
using CopLive.Silo.Grains.Rooms;
using CopLive.Silo.Hosting;
using CopLive.Silo.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CopLive.Silo.Grains.Sessions;

/// <summary>
/// One meeting, as an adapter over its concepts: rights (<see cref="Gatekeeper"/>), the agenda
/// (<see cref="AgendaTimer"/>), attendance (<see cref="Attendance"/>) and breakout rounds (<see cref="BreakoutPlan"/>,
/// <see cref="BreakoutRooms"/>). While live, a tick (<see cref="SessionTicker"/>: every second while active, and from
/// a durable reminder after a restart) moves the agenda on when a deadline passes, closes a round at its deadline,
/// and ends the attendance of members gone longer than the grace.
/// </summary>
[GrainType("coplive.session")]
public sealed class SessionGrain(
    [PersistentState("session", StorageNames.Default)] IPersistentState<SessionState> state,
    IClock clock,
    IOptions<SessionOptions> options,
    ILogger<SessionGrain> logger) : ObservedGrain<ISessionObserver>(logger), ISessionGrain, ISessionGrainInternal, IRemindable
{
    // Transient: the timer belongs to this activation (presence in Attendance too; attendance records are state).
    private SessionTicker? _ticker;
    private Attendance? _attendance;
    private Gatekeeper? _gate;

    private SessionState State => state.State;
    private SessionId Id => new(this.GetPrimaryKey());
    private SessionPlan Plan => State.Plan ?? throw CopLiveException.NotFound("There is no such session.");
    private Attendance Attendance => _attendance ??= new Attendance(State.Attendance);
    private SessionBreakouts Breakouts => new(State, Attendance, new BreakoutRooms(GrainFactory, Id, Plan), new StandingGroups(GrainFactory, Plan), clock);
    private SessionModeration Moderation => new(State, Plan, GrainFactory, Gate);
    private SessionAudit Audit => new(GrainFactory, Plan);
    private MeetingRecord Record => new(State.Decisions, State.ActionItems);

    private Gatekeeper Gate => _gate ??= Gatekeeper.OfCommunity(GrainFactory, () => Plan.Community);

    private SessionTicker Ticker => _ticker ??= new SessionTicker(this, TickAsync, TimeSpan.FromSeconds(options.Value.ReminderSeconds), logger);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Status == SessionStatus.Live)
        {
            Attendance.Resume(clock.GetCurrentInstant());
            Ticker.Arm();
        }
        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (State.Status != SessionStatus.Live)
        {
            // Ended while the reminder was on its way (or a reminder outlived an end that failed to drop it).
            await Ticker.StopAsync();
            return;
        }
        await Ticker.RemindedAsync();
    }

    public async Task<SessionDetails> InitializeAsync(SessionPlan plan)
    {
        if (State.Plan is { } existing)
        {
            // A series scheduling its meeting again after a crash finds the session it created (with its own plan document).
            var again = SessionLifecycle.IsSamePlan(existing, plan)
                || (existing.Series != default && existing.Series == plan.Series && existing.Occurrence == plan.Occurrence);
            return again ? Details(existing) : throw new CopLiveException(CopLiveError.Conflict, "This session already exists.");
        }
        State.Plan = plan;
        State.Status = SessionStatus.Scheduled;
        await PersistAsync(state);
        return Details(plan);
    }

    public Task<SessionStatus> GetStatusAsync() => Task.FromResult(State.Status);

    /// <summary>Tells the session's series, if it has one, that this meeting is over, so it schedules the next.</summary>
    private Task TellSeriesAsync() =>
        Plan.Series == default ? Task.CompletedTask : GrainFactory.GetSeriesInternal(Plan.Series).OccurrenceOverAsync(Plan.Occurrence);

    public async Task<SessionDetails> GetAsync(Caller caller)
    {
        await Gate.RequireAsync(caller, Right.ReadSession);
        return Details(Plan);
    }

    public async Task<SessionLive> GetLiveAsync(Caller caller)
    {
        await Gate.RequireAsync(caller, Right.ReadSession);
        return Live();
    }

    public async Task<ImmutableArray<AttendanceRecord>> GetAttendanceAsync(Caller caller)
    {
        await Gate.RequireAsync(caller, Right.ReadSession);
        return Attendance.Records;
    }

    public Task<SessionLive> StartAsync(Caller caller) => CommandAsync(caller, Right.RunSession, AuditActions.SessionStarted, async _ =>
    {
        SessionLifecycle.Start(State, clock.GetCurrentInstant());
        if (State.MainRoom == default)
        {
            var room = RoomId.New();
            await GrainFactory.GetRoomInternal(room).InitializeAsync(new RoomSetup(Id, Plan.Community, "Main room", RoomKind.Main, Plan.MainDocument, []));
            State.MainRoom = room;
        }
        return null;
    }, after: async () =>
    {
        await GrainFactory.GetCommunityInternal(Plan.Community).SessionUpdatedAsync(Details(Plan).Summary);
        await Ticker.StartAsync();
        logger.SessionStarted(Id);
    });

    public Task<SessionLive> EndAsync(Caller caller, string? reason) => CommandAsync(caller, Right.RunSession, AuditActions.SessionEnded, async _ =>
    {
        var why = Require.OptionalText("reason", reason, Limits.NameLength);
        SessionLifecycle.EnsureNotEnded(State);
        if (State.Round is not null)
        {
            // Rooms cannot outlive their session: their notes are merged first, as at any close.
            await CloseRoundCoreAsync();
        }
        SessionLifecycle.End(State, Plan, Attendance, clock.GetCurrentInstant());
        State.PlanVersionAtEnd = (await GrainFactory.GetDocumentInternal(Plan.MainDocument).GetTextWithAuthorsAsync()).Version;
        return new AuditNote(Reason: why);
    }, after: async () =>
    {
        if (Plan.Series != default)
        {
            await GrainFactory.GetSeriesInternal(Plan.Series).CarryActionItemsAsync(Plan.Occurrence, [.. Record.Open]);
        }
        // Everyone who came finds the meeting among their past ones.
        var ended = Details(Plan).Summary;
        await Task.WhenAll(Attendance.Records.Select(r => r.Member).Distinct().Select(m => GrainFactory.GetMemberInternal(m).AttendedAsync(ended)));
        await GrainFactory.GetCommunityInternal(Plan.Community).SessionUpdatedAsync(Details(Plan).Summary);
        await Ticker.StopAsync();
        logger.SessionEnded(Id);
        await TellSeriesAsync();
    });

    public async Task<SessionDetails> CancelAsync(Caller caller, string? reason)
    {
        await Gate.RequireAsync(caller, Right.ScheduleSession, Audit.Attempt(AuditActions.SessionCancelled));
        var why = Require.OptionalText("reason", reason, Limits.NameLength);
        SessionLifecycle.EnsureScheduled(State, "be cancelled");
        State.Status = SessionStatus.Cancelled;
        await CommitAsync();
        await GrainFactory.GetCommunityInternal(Plan.Community).SessionUpdatedAsync(Details(Plan).Summary);
        await Audit.RecordAsync(caller, AuditActions.SessionCancelled, new AuditNote(Reason: why));
        await TellSeriesAsync();
        return Details(Plan);
    }

    public Task<SessionDetails> RescheduleAsync(Caller caller, LocalDateTime start, int? durationMinutes) =>
        ReviseAsync(caller, new SessionRevision(Start: start, DurationMinutes: durationMinutes));

    public async Task<SessionDetails> ReviseAsync(Caller caller, SessionRevision revision)
    {
        var moves = revision.Start is not null || revision.DurationMinutes is not null;
        var action = moves ? AuditActions.SessionRescheduled : AuditActions.SessionEdited;
        await Gate.RequireAsync(caller, Right.ScheduleSession, Audit.Attempt(action));
        SessionLifecycle.EnsureScheduled(State, moves ? "be moved" : "be changed");
        var was = Plan;
        State.Plan = SessionSchedule.Revise(Plan, revision, clock.GetCurrentInstant());
        await CommitAsync();
        await GrainFactory.GetCommunityInternal(Plan.Community).SessionUpdatedAsync(Details(Plan).Summary);
        if (revision.Title is not null || revision.Agenda is not null)
        {
            await Audit.RecordAsync(caller, AuditActions.SessionEdited, new AuditNote(Detail: Changes(was, Plan)));
        }
        if (moves)
        {
            await Audit.RecordAsync(caller, AuditActions.SessionRescheduled, new AuditNote(Detail: $"from {Wall(was.LocalStart)} to {Wall(Plan.LocalStart)}"));
        }
        return Details(Plan);
    }

    /// <summary>What an edit changed, in the audit log's words.</summary>
    private static string Changes(SessionPlan was, SessionPlan now) => string.Join("; ", new[]
    {
        was.Title != now.Title ? $"title from “{was.Title}” to “{now.Title}”" : null,
        !was.Agenda.SequenceEqual(now.Agenda) ? $"agenda now {now.Agenda.Length} phases, {AgendaRules.TotalMinutes(now.Agenda)} minutes" : null,
    }.Where(c => c is not null));

    public async Task<SessionLive> JoinAsync(Caller caller, string connectionId)
    {
        var member = await Gate.RequireMemberAsync(caller, Right.JoinSession);
        SessionLifecycle.EnsureCanJoin(State, member.Member, connectionId);
        var arrival = Attendance.Join(member, connectionId, clock.GetCurrentInstant());
        if (arrival == Arrival.Arrived)
        {
            await Breakouts.PlaceLateJoinerAsync(member);
            await GrainFactory.GetMemberInternal(member.Member).AttendedAsync(Details(Plan).Summary);
        }
        if (arrival != Arrival.AlreadyHere)
        {
            await CommitAsync();
        }
        return Live();
    }

    public async Task LeaveAsync(Caller caller, string connectionId)
    {
        if (!caller.IsAdmin && Attendance.Leave(caller.Member, connectionId, clock.GetCurrentInstant()))
        {
            await CommitAsync();
        }
    }

    public Task<SessionLive> StartAgendaAsync(Caller caller) =>
        AgendaCommandAsync(caller, AuditActions.AgendaStarted, now => AgendaTimer.Start(State.Progress, Plan.Agenda, now));

    public Task<SessionLive> AdvancePhaseAsync(Caller caller) =>
        AgendaCommandAsync(caller, AuditActions.PhaseAdvanced, now => AgendaTimer.Advance(State.Progress, Plan.Agenda, now));

    public Task<SessionLive> PausePhaseAsync(Caller caller) =>
        AgendaCommandAsync(caller, AuditActions.PhasePaused, now => AgendaTimer.Pause(State.Progress, now));

    public Task<SessionLive> ResumePhaseAsync(Caller caller) =>
        AgendaCommandAsync(caller, AuditActions.PhaseResumed, now => AgendaTimer.Resume(State.Progress, now));

    public Task<SessionLive> ExtendPhaseAsync(Caller caller, int minutes) =>
        AgendaCommandAsync(caller, AuditActions.PhaseExtended, now => AgendaTimer.Extend(State.Progress, minutes, now), new AuditNote(Detail: $"{minutes:+0;-0} min"));

    public Task<SessionLive> OpenBreakoutsAsync(Caller caller, BreakoutSpec spec) => CommandAsync(caller, Right.RunBreakouts, AuditActions.RoundOpened, async _ =>
    {
        var opened = await Breakouts.OpenAsync(spec, caller.Member);
        logger.RoundOpened(Id, opened.Names.Count);
        return new AuditNote(Detail: $"{opened.Names.Count} rooms, {spec.Mode.ToString().ToLowerInvariant()}, {opened.Minutes} min");
    });

    public async Task<SessionLive> ChooseRoomAsync(Caller caller, RoomId room)
    {
        var member = await Gate.RequireMemberAsync(caller, Right.ChooseRoom);
        await Breakouts.ChooseAsync(member.Member, room);
        await CommitAsync();
        return Live();
    }

    public Task<SessionLive> MoveMemberAsync(Caller caller, MemberId member, RoomId room) =>
        CommandAsync(caller, Right.RunBreakouts, AuditActions.MemberMoved, async _ => new AuditNote(member, $"to {await Breakouts.MoveAsync(member, room)}"), target: member);

    public async Task<SessionLive> BroadcastToRoomsAsync(Caller caller, string text)
    {
        var sender = await Gate.RequireAsync(caller, Right.RunBreakouts, Audit.Attempt(AuditActions.RoomsBroadcast));
        SessionLifecycle.EnsureLive(State);
        var message = Require.Text("text", text, RoomGrain.ChatLength);
        await Moderation.BroadcastAsync(sender, message);
        await Audit.RecordAsync(caller, AuditActions.RoomsBroadcast, new AuditNote(Detail: message));
        return Live();
    }

    public Task<SessionLive> ExtendRoundAsync(Caller caller, int minutes) => CommandAsync(caller, Right.RunBreakouts, AuditActions.RoundExtended, async _ =>
    {
        if (Breakouts.Open.Phase is not null)
        {
            // A phase's round moves with its phase, so every room and the agenda stay in step.
            SessionLifecycle.RunAgenda(State, Plan, clock.GetCurrentInstant(), now => AgendaTimer.Extend(State.Progress, minutes, now));
            await FollowAgendaAsync(caller.Member);
        }
        else
        {
            Breakouts.Extend(minutes);
        }
        return new AuditNote(Detail: $"{minutes:+0;-0} min");
    });

    public Task<SessionLive> CloseRoundAsync(Caller caller) => CommandAsync(caller, Right.RunBreakouts, AuditActions.RoundClosed, async _ =>
    {
        await CloseRoundCoreAsync();
        return new AuditNote();
    });

    public async Task<SessionLive> RemoveAsync(Caller caller, MemberId member, string? reason)
    {
        var why = await Moderation.EnsureAsync(caller, Right.RemoveFromSession, Audit.Attempt(AuditActions.MemberRemoved, member), member, reason, "remove");
        if (!await Moderation.RemoveAsync(member, Attendance, Breakouts, clock.GetCurrentInstant()))
        {
            return Live();
        }
        await CommitAsync();
        await GrainFactory.GetMemberInternal(member).RevokeAccessAsync($"removed from the session {Plan.Title}");
        await Audit.RecordAsync(caller, AuditActions.MemberRemoved, new AuditNote(member, Reason: why), plainTitle: true);
        return Live();
    }

    public async Task<SessionLive> MuteAsync(Caller caller, MemberId member, bool muted, string? reason)
    {
        var action = muted ? AuditActions.MemberMuted : AuditActions.MemberUnmuted;
        var why = await Moderation.EnsureAsync(caller, Right.Mute, Audit.Attempt(action, member), member, reason, "mute");
        if (!await Moderation.SetMutedAsync(member, muted))
        {
            return Live();
        }
        await CommitAsync();
        await Audit.RecordAsync(caller, action, new AuditNote(member, Reason: why), plainTitle: true);
        return Live();
    }

    public Task<SessionLive> SetRecorderAsync(Caller caller, MemberId? member) => CommandAsync(caller, Right.RunSession, AuditActions.RecorderNamed, async _ =>
    {
        SessionLifecycle.EnsureNotEnded(State);
        if (member is { } named && await GrainFactory.GetCommunityInternal(Plan.Community).GetMemberAsync(named) is null)
        {
            throw CopLiveException.Invalid("memberId", "The recorder must be a member of this community.");
        }
        State.Recorder = member;
        return new AuditNote(member, member is null ? "no recorder" : "recorder");
    }, target: member);

    public Task<SessionLive> AddDecisionAsync(Caller caller, string text) => RecordAsync(caller, by =>
    {
        int? phase = State.Progress.Status is AgendaStatus.NotStarted or AgendaStatus.Finished ? null : State.Progress.Phase;
        Record.Decide(text, caller.Member, by?.DisplayName ?? "administrator", clock.GetCurrentInstant(), phase);
        return Task.CompletedTask;
    });

    public Task<SessionLive> AddActionItemAsync(Caller caller, string text, MemberId? owner, LocalDate? due) => RecordAsync(caller, async _ =>
    {
        var today = clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb[Plan.TimeZone]).Date;
        if (due < today)
        {
            throw CopLiveException.Invalid("due", $"'due' is before today ({today:uuuu-MM-dd} in {Plan.TimeZone}).");
        }
        (MemberId, string)? named = null;
        if (owner is { } id)
        {
            var member = await GrainFactory.GetCommunityInternal(Plan.Community).GetMemberAsync(id)
                ?? throw CopLiveException.Invalid("ownerId", "The owner of an action item must be a member of this community.");
            named = (id, member.DisplayName);
        }
        Record.Assign(text, named, due, clock.GetCurrentInstant(), Id);
    });

    public Task<SessionLive> SetActionItemDoneAsync(Caller caller, Guid item, bool done) => RecordAsync(caller, _ =>
    {
        Record.SetDone(item, done);
        return Task.CompletedTask;
    });

    public Task<SessionLive> RemoveMinutesEntryAsync(Caller caller, Guid entry) => RecordAsync(caller, _ =>
    {
        Record.Remove(entry);
        return Task.CompletedTask;
    });

    public async Task<Minutes> GetMinutesAsync(Caller caller)
    {
        await Gate.RequireAsync(caller, Right.ReadSession);
        return await new SessionMinutes(GrainFactory, Id, State, Plan, Attendance).WriteAsync();
    }

    public async Task ReceiveActionItemsAsync(int fromOccurrence, ImmutableArray<ActionItem> items)
    {
        if (State.Status is SessionStatus.Scheduled or SessionStatus.Live && fromOccurrence > State.CarriedFrom)
        {
            Record.CarryIn(items, Id);
            State.CarriedFrom = fromOccurrence;
            await CommitAsync();
        }
    }

    /// <summary>
    /// The shape of a change to the meeting's record: facilitators and owners, or the member named recorder; only
    /// while the meeting is live (its minutes are final once it ended); stored and told to everyone.
    /// </summary>
    private async Task<SessionLive> RecordAsync(Caller caller, Func<CommunityMember?, Task> change)
    {
        var recorder = !caller.IsAdmin && State.Recorder == caller.Member;
        var by = recorder
            ? await Gate.RequireMemberAsync(caller, Right.JoinSession)
            : await Gate.RequireAsync(caller, Right.RecordMinutes, Audit.Attempt(AuditActions.MinutesEdited));
        if (State.Status != SessionStatus.Live)
        {
            throw new CopLiveException(CopLiveError.Conflict, "Decisions and action items are recorded while the meeting is live.");
        }
        await change(by);
        await CommitAsync();
        return Live();
    }

    /// <summary>Merges the open round's rooms into the plan and brings everyone back; resumable after a crash.</summary>
    private async Task CloseRoundCoreAsync()
    {
        var rooms = await Breakouts.CloseAsync(CommitAsync);
        await CommitAsync();
        logger.RoundClosed(Id, rooms);
    }

    /// <summary>
    /// The shape of a facilitator's command: the right (a refusal audited as <paramref name="action"/>), the change,
    /// then store and tell everyone, then what else follows, then the audit entry if the change returned one.
    /// </summary>
    private async Task<SessionLive> CommandAsync(
        Caller caller, Right right, string action, Func<CommunityMember?, Task<AuditNote?>> change, Func<Task>? after = null, MemberId? target = null)
    {
        var actor = await Gate.RequireAsync(caller, right, Audit.Attempt(action, target));
        var done = await change(actor);
        await CommitAsync();
        if (after is not null)
        {
            await after();
        }
        if (done is not null)
        {
            await Audit.RecordAsync(caller, action, done);
        }
        return Live();
    }

    private Task<SessionLive> AgendaCommandAsync(Caller caller, string action, Func<Instant, AgendaProgress> command, AuditNote? done = null) =>
        CommandAsync(caller, Right.RunSession, action, async _ =>
        {
            SessionLifecycle.RunAgenda(State, Plan, clock.GetCurrentInstant(), command);
            await FollowAgendaAsync(caller.IsAdmin ? Plan.CreatedBy : caller.Member);
            return done;
        });

    /// <summary>Opens and closes the rounds of breakout phases as the agenda moves (<see cref="SessionBreakouts.FollowAgendaAsync"/>).</summary>
    private Task<bool> FollowAgendaAsync(MemberId openedBy) => Breakouts.FollowAgendaAsync(Plan, openedBy, CloseRoundCoreAsync);

    /// <summary>Moves the agenda on at its deadlines, closes a round at its deadline, and ends stale attendance.</summary>
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (State.Status != SessionStatus.Live || State.Plan is null)
        {
            return;
        }
        var now = clock.GetCurrentInstant();
        var progress = AgendaTimer.Tick(State.Progress, Plan.Agenda, Plan.AutoAdvance, now);
        var changed = progress != State.Progress;
        AgendaLog.Record(State.PhaseRuns, State.Progress, progress, Plan.Agenda, now);
        State.Progress = progress;
        if (Breakouts.Due(now))
        {
            await CloseRoundCoreAsync();
            return;
        }
        changed |= await FollowAgendaAsync(Plan.CreatedBy);
        if (Attendance.CloseExpired(now) || changed)
        {
            await CommitAsync();
        }
    }

    /// <summary>Numbers the change, stores it, and tells the gateways.</summary>
    private async Task CommitAsync()
    {
        State.Seq++;
        await PersistAsync(state);
        var live = Live();
        await Observers.Notify(o => o.SessionChanged(live));
    }

    private static string Wall(LocalDateTime time) => time.ToString("uuuu-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private SessionLive Live() => SessionLifecycle.Live(Id, State, Plan, Attendance);

    private SessionDetails Details(SessionPlan plan) => SessionLifecycle.Details(Id, State, plan);
}
