using System.Collections.Immutable;
using CopLive.Grains.Communities;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Rooms;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using CopLive.Silo.Access;
using CopLive.Silo.Domain;
using CopLive.Silo.Domain.Sessions;
using CopLive.Silo.Grains.Rooms;
using CopLive.Silo.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;
using Orleans.Utilities;

namespace CopLive.Silo.Grains.Sessions;

/// <summary>
/// One meeting, as an adapter over its concepts: rights (<see cref="Gatekeeper"/>), the agenda
/// (<see cref="AgendaTimer"/>), attendance (<see cref="Attendance"/>) and breakout rounds (<see cref="BreakoutPlan"/>,
/// <see cref="BreakoutRooms"/>). While live, a one-second tick moves the agenda on when a deadline passes (deadlines
/// are instants in state, so a restarted grain picks up where it was), closes a round at its deadline, and ends the
/// attendance of members gone longer than the grace.
/// </summary>
[GrainType("coplive.session")]
public sealed partial class SessionGrain(
    [PersistentState("session", StorageNames.Default)] IPersistentState<SessionState> state,
    IClock clock,
    ILogger<SessionGrain> logger) : PersistentGrain, ISessionGrain, ISessionGrainInternal
{
    private static readonly TimeSpan TickEvery = TimeSpan.FromSeconds(1);

    // Transient: observers and the ticker belong to this activation only (presence lives in Attendance, also transient).
    private readonly ObserverManager<ISessionObserver> _observers = new(TimeSpan.FromMinutes(1), logger);
    private IGrainTimer? _ticker;
    private Attendance? _attendance;
    private Gatekeeper? _gate;

    private SessionState State => state.State;
    private SessionId Id => new(this.GetPrimaryKey());
    private SessionPlan Plan => State.Plan ?? throw CopLiveException.NotFound("There is no such session.");
    private Attendance Attendance => _attendance ??= new Attendance(State.Attendance);
    private BreakoutRooms Rooms => new(GrainFactory, Id, Plan);

    private Gatekeeper Gate => _gate ??= new Gatekeeper(
        m => GrainFactory.GetCommunityInternal(Plan.Community).GetMemberAsync(m), new CommunityRefusalLog(GrainFactory, () => Plan.Community));

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Status == SessionStatus.Live)
        {
            Attendance.Resume(clock.GetCurrentInstant());
            Arm();
        }
        return Task.CompletedTask;
    }

    public async Task<SessionDetails> InitializeAsync(SessionPlan plan)
    {
        if (State.Plan is { } existing)
        {
            return IsSamePlan(existing, plan) ? Details(existing) : throw new CopLiveException(CopLiveError.Conflict, "This session already exists.");
        }
        State.Plan = plan;
        State.Status = SessionStatus.Scheduled;
        await PersistAsync(state);
        return Details(plan);
    }

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

    public async Task<SessionLive> StartAsync(Caller caller)
    {
        await Gate.RequireAsync(caller, Right.RunSession, Attempt(AuditActions.SessionStarted));
        if (State.Status != SessionStatus.Scheduled)
        {
            throw new CopLiveException(CopLiveError.Conflict, State.Status == SessionStatus.Live ? "The session is already live." : "The session has ended.");
        }
        if (State.MainRoom == default)
        {
            var room = RoomId.New();
            await GrainFactory.GetRoomInternal(room).InitializeAsync(new RoomSetup(Id, Plan.Community, "Main room", RoomKind.Main, Plan.MainDocument, []));
            State.MainRoom = room;
        }
        State.Status = SessionStatus.Live;
        State.StartedAt = clock.GetCurrentInstant();
        await CommitAsync();
        await GrainFactory.GetCommunityInternal(Plan.Community).SessionUpdatedAsync(Details(Plan).Summary);
        Arm();
        LogStarted(Id);
        return Live();
    }

    public async Task<SessionLive> EndAsync(Caller caller, string? reason)
    {
        await Gate.RequireAsync(caller, Right.RunSession, Attempt(AuditActions.SessionEnded));
        var why = Require.OptionalText("reason", reason, Limits.NameLength);
        if (State.Status == SessionStatus.Ended)
        {
            throw new CopLiveException(CopLiveError.Conflict, "The session has already ended.");
        }
        if (State.Round is not null)
        {
            // Rooms cannot outlive their session: their notes are merged first, as at any close.
            await CloseRoundCoreAsync();
        }
        var now = clock.GetCurrentInstant();
        State.Status = SessionStatus.Ended;
        State.EndedAt = now;
        if (State.Progress.Status is not AgendaStatus.NotStarted and not AgendaStatus.Finished)
        {
            State.Progress = State.Progress with { Status = AgendaStatus.Finished, Deadline = null, Remaining = null };
        }
        Attendance.EndAll(now);
        await CommitAsync();
        await GrainFactory.GetCommunityInternal(Plan.Community).SessionUpdatedAsync(Details(Plan).Summary);
        _ticker?.Dispose();
        _ticker = null;
        LogEnded(Id);
        await RecordDoneAsync(caller, AuditActions.SessionEnded, null, null, why);
        return Live();
    }

    public async Task<SessionLive> JoinAsync(Caller caller, string connectionId)
    {
        var member = await Gate.RequireMemberAsync(caller, Right.JoinSession);
        ValidateConnection(connectionId);
        if (State.Removed.Contains(member.Member))
        {
            throw CopLiveException.Forbidden("A facilitator removed you from this session.");
        }
        if (State.Status != SessionStatus.Live)
        {
            throw new CopLiveException(CopLiveError.Conflict, State.Status == SessionStatus.Scheduled ? "The session has not started yet." : "The session has ended.");
        }

        var arrival = Attendance.Join(member, connectionId, clock.GetCurrentInstant());
        if (arrival == Arrival.Arrived && State.Round is { Mode: BreakoutMode.Auto, Closing: false } round
            && member.Role < CommunityRole.Facilitator && !round.Assignments.ContainsKey(member.Member.Value))
        {
            await Rooms.AssignLateJoinerAsync(round, member.Member);
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

    public async Task<SessionLive> ExtendPhaseAsync(Caller caller, int minutes)
    {
        var live = await AgendaCommandAsync(caller, AuditActions.PhaseExtended, now => AgendaTimer.Extend(State.Progress, minutes, now));
        await RecordDoneAsync(caller, AuditActions.PhaseExtended, null, $"{minutes:+0;-0} min", null);
        return live;
    }

    public async Task<SessionLive> OpenBreakoutsAsync(Caller caller, BreakoutSpec spec)
    {
        await Gate.RequireAsync(caller, Right.RunBreakouts, Attempt(AuditActions.RoundOpened));
        EnsureLive();
        if (State.Round is not null)
        {
            throw new CopLiveException(CopLiveError.Conflict, "A breakout round is already open; close it first.");
        }
        var breakout = BreakoutPlan.From(spec, Attendance.HereBelow(CommunityRole.Facilitator));
        State.Round = await Rooms.OpenAsync(breakout, spec.Mode, caller.Member, clock.GetCurrentInstant(), [.. State.Muted]);
        await CommitAsync();
        await RecordDoneAsync(caller, AuditActions.RoundOpened, null,
            $"{breakout.Names.Count} rooms, {spec.Mode.ToString().ToLowerInvariant()}, {breakout.Minutes} min", null);
        LogRoundOpened(Id, breakout.Names.Count);
        return Live();
    }

    public async Task<SessionLive> ChooseRoomAsync(Caller caller, RoomId room)
    {
        var member = await Gate.RequireMemberAsync(caller, Right.ChooseRoom);
        var round = OpenRound();
        if (round.Mode != BreakoutMode.Self)
        {
            throw CopLiveException.Forbidden("In this round the facilitator assigns the rooms.");
        }
        if (!Attendance.IsPresent(member.Member))
        {
            throw new CopLiveException(CopLiveError.Conflict, "Join the session before choosing a room.");
        }
        await Rooms.AssignAsync(round, member.Member, BreakoutRooms.RoomOf(round, room, "room").Room);
        await CommitAsync();
        return Live();
    }

    public async Task<SessionLive> MoveMemberAsync(Caller caller, MemberId member, RoomId room)
    {
        await Gate.RequireAsync(caller, Right.RunBreakouts, Attempt(AuditActions.MemberMoved, member));
        var round = OpenRound();
        var target = BreakoutRooms.RoomOf(round, room, "room");
        if (!Attendance.IsPresent(member) && !round.Assignments.ContainsKey(member.Value))
        {
            throw CopLiveException.Invalid("member", "That member is not in this session.");
        }
        await Rooms.AssignAsync(round, member, target.Room);
        await CommitAsync();
        await RecordDoneAsync(caller, AuditActions.MemberMoved, member, $"to {target.Name}", null);
        return Live();
    }

    public async Task<SessionLive> BroadcastToRoomsAsync(Caller caller, string text)
    {
        var sender = await Gate.RequireAsync(caller, Right.RunBreakouts, Attempt(AuditActions.RoomsBroadcast));
        EnsureLive();
        var message = Require.Text("text", text, RoomGrain.ChatLength);
        var rooms = (State.Round?.Rooms.Select(r => r.Room) ?? []).Append(State.MainRoom);
        await Task.WhenAll(rooms.Select(r => GrainFactory.GetRoomInternal(r).BroadcastAsync(sender?.Member ?? default, sender?.DisplayName ?? "admin", message)));
        await RecordDoneAsync(caller, AuditActions.RoomsBroadcast, null, message, null);
        return Live();
    }

    public async Task<SessionLive> ExtendRoundAsync(Caller caller, int minutes)
    {
        await Gate.RequireAsync(caller, Right.RunBreakouts, Attempt(AuditActions.RoundExtended));
        var round = OpenRound();
        if (minutes == 0 || Math.Abs(minutes) > AgendaTimer.MaxExtendMinutes)
        {
            throw CopLiveException.Invalid("minutes", $"'minutes' must be between -{AgendaTimer.MaxExtendMinutes} and {AgendaTimer.MaxExtendMinutes}, and not 0; it was {minutes}.");
        }
        var now = clock.GetCurrentInstant();
        var deadline = round.Deadline + Duration.FromMinutes(minutes);
        round.Deadline = deadline > now ? deadline : now;
        await CommitAsync();
        await RecordDoneAsync(caller, AuditActions.RoundExtended, null, $"{minutes:+0;-0} min", null);
        return Live();
    }

    public async Task<SessionLive> CloseRoundAsync(Caller caller)
    {
        await Gate.RequireAsync(caller, Right.RunBreakouts, Attempt(AuditActions.RoundClosed));
        if (State.Round is null)
        {
            throw new CopLiveException(CopLiveError.Conflict, "There is no breakout round open.");
        }
        await CloseRoundCoreAsync();
        await RecordDoneAsync(caller, AuditActions.RoundClosed, null, null, null);
        return Live();
    }

    public async Task<SessionLive> RemoveAsync(Caller caller, MemberId member, string? reason)
    {
        var why = await EnsureModeratesAsync(caller, Right.RemoveFromSession, Attempt(AuditActions.MemberRemoved, member), member, reason, "remove");
        if (State.Removed.Contains(member))
        {
            return Live();
        }
        State.Removed.Add(member);
        Attendance.Remove(member, clock.GetCurrentInstant());
        if (State.Round is { } round)
        {
            await Rooms.UnassignAsync(round, member);
        }
        await CommitAsync();
        await GrainFactory.GetMemberInternal(member).RevokeAccessAsync($"removed from the session {Plan.Title}");
        await GrainFactory.GetCommunityInternal(Plan.Community).RecordAsync(caller, AuditActions.MemberRemoved, member, Plan.Title, why, AuditOutcomes.Done);
        return Live();
    }

    public async Task<SessionLive> MuteAsync(Caller caller, MemberId member, bool muted, string? reason)
    {
        var action = muted ? AuditActions.MemberMuted : AuditActions.MemberUnmuted;
        var why = await EnsureModeratesAsync(caller, Right.Mute, Attempt(action, member), member, reason, "mute");
        if (muted == State.Muted.Contains(member))
        {
            return Live();
        }
        // Every place the member could write learns it before this returns: the documents and the rooms.
        var documents = (State.Round?.Rooms.Select(r => r.Notes) ?? []).Append(Plan.MainDocument);
        var rooms = (State.Round?.Rooms.Select(r => r.Room) ?? []).Append(State.MainRoom).Where(r => r != default);
        await Task.WhenAll(documents.Select(d => GrainFactory.GetDocumentInternal(d).SetMutedAsync(member, muted))
            .Concat(rooms.Select(r => GrainFactory.GetRoomInternal(r).SetMutedAsync(member, muted))));
        if (muted)
        {
            State.Muted.Add(member);
        }
        else
        {
            State.Muted.Remove(member);
        }
        await CommitAsync();
        await GrainFactory.GetCommunityInternal(Plan.Community).RecordAsync(caller, action, member, Plan.Title, why, AuditOutcomes.Done);
        return Live();
    }

    public Task SubscribeAsync(ISessionObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(ISessionObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>Merges the open round's rooms into the plan and brings everyone back; resumable after a crash.</summary>
    private async Task CloseRoundCoreAsync()
    {
        var round = State.Round!;
        if (!round.Closing)
        {
            round.Closing = true;
            await CommitAsync();
        }
        await Rooms.MergeAndCloseAsync(round, Attendance.Names());
        State.Round = null;
        State.RoundsClosed++;
        await CommitAsync();
        LogRoundClosed(Id, round.Rooms.Count);
    }

    /// <summary>
    /// Checks that the caller holds <paramref name="right"/> over <paramref name="member"/>: the right itself, and its
    /// limit, acting only on members below one's own role. Returns the validated reason.
    /// </summary>
    private async Task<string?> EnsureModeratesAsync(Caller caller, Right right, Attempt attempt, MemberId member, string? reason, string verb)
    {
        var moderator = await Gate.RequireAsync(caller, right, attempt);
        var why = Require.OptionalText("reason", reason, Limits.NameLength);
        var target = await GrainFactory.GetCommunityInternal(Plan.Community).GetMemberAsync(member)
            ?? throw CopLiveException.Invalid("member", "That person is not a member of this community.");
        if (moderator is not null && target.Role >= moderator.Role)
        {
            throw await Gate.RefuseAsync(caller, attempt, $"You can only {verb} members below your own role.");
        }
        return why;
    }

    private async Task<SessionLive> AgendaCommandAsync(Caller caller, string action, Func<Instant, AgendaProgress> command)
    {
        await Gate.RequireAsync(caller, Right.RunSession, Attempt(action));
        if (State.Status != SessionStatus.Live)
        {
            throw new CopLiveException(CopLiveError.Conflict, "The agenda runs only while the session is live.");
        }
        var now = clock.GetCurrentInstant();
        // Catch up with the clock first, so a command acts on the phase everyone currently sees.
        State.Progress = AgendaTimer.Tick(State.Progress, Plan.Agenda, Plan.AutoAdvance, now);
        State.Progress = command(now);
        await CommitAsync();
        return Live();
    }

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
        State.Progress = progress;
        if (State.Round is { } round && (round.Closing || round.Deadline <= now))
        {
            await CloseRoundCoreAsync();
            return;
        }
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
        await _observers.Notify(o => o.SessionChanged(live));
    }

    private void Arm() => _ticker ??= this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(TickEvery, TickEvery) { KeepAlive = true });

    private BreakoutRoundState OpenRound()
    {
        EnsureLive();
        return State.Round is { Closing: false } round ? round : throw new CopLiveException(CopLiveError.Conflict, "There is no breakout round open.");
    }

    private void EnsureLive()
    {
        if (State.Status != SessionStatus.Live)
        {
            throw new CopLiveException(CopLiveError.Conflict, "The session is not live.");
        }
    }

    private Attempt Attempt(string action, MemberId? target = null) => new(action, target, Plan.Title);

    /// <summary>Records a command that took effect in the community's audit log.</summary>
    private Task RecordDoneAsync(Caller caller, string action, MemberId? target, string? detail, string? reason) =>
        GrainFactory.GetCommunityInternal(Plan.Community).RecordAsync(
            caller, action, target, detail is null ? Plan.Title : $"{Plan.Title}: {detail}", reason, AuditOutcomes.Done);

    private static void ValidateConnection(string? connectionId)
    {
        if (string.IsNullOrWhiteSpace(connectionId) || connectionId.Length > 128)
        {
            throw CopLiveException.Invalid("connectionId", "'connectionId' must be 1-128 characters.");
        }
    }

    private SessionLive Live() => new(
        Id, State.Seq, Plan.Title, State.Status, State.StartedAt, State.EndedAt, Plan.Agenda, State.Progress,
        Attendance.Participants, Plan.MainDocument, State.MainRoom,
        State.Round is { } round ? BreakoutRooms.View(round) : null,
        State.RoundsClosed, [.. State.Muted]);

    private SessionDetails Details(SessionPlan plan) => new(
        new SessionSummary(Id, plan.Community, plan.Title, plan.Start, plan.Start + plan.Duration, plan.TimeZone, plan.LocalStart, State.Status),
        plan.Duration, plan.Agenda, plan.CreatedBy, plan.CreatedAt, plan.MainDocument, plan.AutoAdvance);

    // Records compare ImmutableArray members by reference, so compare the agenda by value.
    private static bool IsSamePlan(SessionPlan a, SessionPlan b) =>
        a with { Agenda = [] } == b with { Agenda = [] } && a.Agenda.SequenceEqual(b.Agenda);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} opened a breakout round of {Rooms} rooms")]
    private partial void LogRoundOpened(SessionId sessionId, int rooms);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} closed a breakout round of {Rooms} rooms")]
    private partial void LogRoundClosed(SessionId sessionId, int rooms);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} started")]
    private partial void LogStarted(SessionId sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} ended")]
    private partial void LogEnded(SessionId sessionId);
}
