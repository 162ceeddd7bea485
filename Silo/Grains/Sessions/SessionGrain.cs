using System.Collections.Immutable;
using CopLive.Grains.Communities;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using CopLive.Silo.Domain;
using CopLive.Silo.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;
using Orleans.Utilities;

namespace CopLive.Silo.Grains.Sessions;

/// <summary>
/// One meeting: its lifecycle, agenda countdown, presence and attendance. While live, a one-second tick moves
/// the agenda on when a deadline passes (deadlines are instants in state, so a restarted grain picks up where
/// it was) and closes the attendance of members whose last connection has been gone longer than the grace.
/// </summary>
[GrainType("coplive.session")]
public sealed partial class SessionGrain(
    [PersistentState("session", StorageNames.Default)] IPersistentState<SessionState> state,
    IClock clock,
    ILogger<SessionGrain> logger) : PersistentGrain, ISessionGrain
{
    /// <summary>How long a member whose connections all dropped still counts as present (a page reload, a Wi-Fi blip).</summary>
    public static readonly Duration ReconnectGrace = Duration.FromSeconds(10);

    private static readonly TimeSpan TickEvery = TimeSpan.FromSeconds(1);

    // Transient: who is connected, observers and the ticker belong to this activation only.
    private readonly Dictionary<MemberId, Presence> _present = [];
    private readonly ObserverManager<ISessionObserver> _observers = new(TimeSpan.FromMinutes(1), logger);
    private IGrainTimer? _ticker;

    private SessionState State => state.State;
    private SessionId Id => new(this.GetPrimaryKey());
    private SessionPlan Plan => State.Plan ?? throw CopLiveException.NotFound("There is no such session.");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Status == SessionStatus.Live)
        {
            // Who was connected before a restart is unknown: give everyone still marked present the grace to
            // reconnect; those who do not are recorded as having left now.
            var now = clock.GetCurrentInstant();
            foreach (var open in State.Attendance.Where(a => a.Left is null))
            {
                _present[open.Member] = new Presence(new CommunityMember(open.Member, open.DisplayName, CommunityRole.Member, open.Joined)) { GoneSince = now };
            }
            Arm();
        }
        return Task.CompletedTask;
    }

    public async Task<SessionDetails> InitializeAsync(SessionPlan plan)
    {
        if (State.Plan is { } existing)
        {
            return IsSamePlan(existing, plan)
                ? Details(existing)
                : throw new CopLiveException(CopLiveError.Conflict, "This session already exists.");
        }

        State.Plan = plan;
        State.Status = SessionStatus.Scheduled;
        await PersistAsync(state);
        return Details(plan);
    }

    public async Task<SessionDetails> GetAsync(Caller caller)
    {
        await EnsureMemberAsync(caller);
        return Details(Plan);
    }

    public async Task<SessionLive> GetLiveAsync(Caller caller)
    {
        await EnsureMemberAsync(caller);
        return Live();
    }

    public async Task<SessionLive> StartAsync(Caller caller)
    {
        await EnsureFacilitatorAsync(caller, "Only facilitators and owners can start a session.");
        if (State.Status != SessionStatus.Scheduled)
        {
            throw new CopLiveException(CopLiveError.Conflict, State.Status == SessionStatus.Live ? "The session is already live." : "The session has ended.");
        }

        State.Status = SessionStatus.Live;
        State.StartedAt = clock.GetCurrentInstant();
        await CommitAsync();
        await GrainFactory.GetCommunity(Plan.Community).SessionUpdatedAsync(Details(Plan).Summary);
        Arm();
        LogStarted(Id);
        return Live();
    }

    public async Task<SessionLive> EndAsync(Caller caller)
    {
        await EnsureFacilitatorAsync(caller, "Only facilitators and owners can end a session.");
        if (State.Status == SessionStatus.Ended)
        {
            throw new CopLiveException(CopLiveError.Conflict, "The session has already ended.");
        }

        var now = clock.GetCurrentInstant();
        State.Status = SessionStatus.Ended;
        State.EndedAt = now;
        if (State.Progress.Status is not AgendaStatus.NotStarted and not AgendaStatus.Finished)
        {
            State.Progress = State.Progress with { Status = AgendaStatus.Finished, Deadline = null, Remaining = null };
        }
        for (var i = 0; i < State.Attendance.Count; i++)
        {
            if (State.Attendance[i].Left is null)
            {
                State.Attendance[i] = State.Attendance[i] with { Left = _present.GetValueOrDefault(State.Attendance[i].Member)?.GoneSince ?? now };
            }
        }
        _present.Clear();
        await CommitAsync();
        await GrainFactory.GetCommunity(Plan.Community).SessionUpdatedAsync(Details(Plan).Summary);
        _ticker?.Dispose();
        _ticker = null;
        LogEnded(Id);
        return Live();
    }

    public async Task<SessionLive> JoinAsync(Caller caller, string connectionId)
    {
        var member = await EnsureMemberAsync(caller)
            ?? throw CopLiveException.Forbidden("Joining a session needs a member's identity; the admin key only observes.");
        ValidateConnection(connectionId);
        if (State.Status != SessionStatus.Live)
        {
            throw new CopLiveException(CopLiveError.Conflict, State.Status == SessionStatus.Scheduled
                ? "The session has not started yet." : "The session has ended.");
        }

        if (_present.TryGetValue(member.Member, out var presence))
        {
            presence.Member = member;
            presence.Connections.Add(connectionId);
            if (presence.GoneSince is not null)
            {
                // Back within the grace period: the same stretch of attendance goes on.
                presence.GoneSince = null;
                await CommitAsync();
            }
            return Live();
        }

        _present[member.Member] = new Presence(member) { Connections = { connectionId } };
        State.Attendance.Add(new AttendanceRecord(member.Member, member.DisplayName, clock.GetCurrentInstant(), null));
        await CommitAsync();
        return Live();
    }

    public async Task LeaveAsync(Caller caller, string connectionId)
    {
        if (caller.IsAdmin || !_present.TryGetValue(caller.Member, out var presence) || !presence.Connections.Remove(connectionId))
        {
            return;
        }
        if (presence.Connections.Count == 0)
        {
            presence.GoneSince = clock.GetCurrentInstant();
            await CommitAsync();
        }
    }

    public async Task<ImmutableArray<AttendanceRecord>> GetAttendanceAsync(Caller caller)
    {
        await EnsureMemberAsync(caller);
        return [.. State.Attendance];
    }

    public Task<SessionLive> StartAgendaAsync(Caller caller) =>
        AgendaCommandAsync(caller, now => AgendaTimer.Start(State.Progress, Plan.Agenda, now));

    public Task<SessionLive> AdvancePhaseAsync(Caller caller) =>
        AgendaCommandAsync(caller, now => AgendaTimer.Advance(State.Progress, Plan.Agenda, now));

    public Task<SessionLive> PausePhaseAsync(Caller caller) =>
        AgendaCommandAsync(caller, now => AgendaTimer.Pause(State.Progress, now));

    public Task<SessionLive> ResumePhaseAsync(Caller caller) =>
        AgendaCommandAsync(caller, now => AgendaTimer.Resume(State.Progress, now));

    public Task<SessionLive> ExtendPhaseAsync(Caller caller, int minutes) =>
        AgendaCommandAsync(caller, now => AgendaTimer.Extend(State.Progress, minutes, now));

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

    private async Task<SessionLive> AgendaCommandAsync(Caller caller, Func<Instant, AgendaProgress> command)
    {
        await EnsureFacilitatorAsync(caller, "Only facilitators and owners can run the agenda.");
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

    /// <summary>Moves the agenda on at its deadlines and ends the attendance of members gone past the grace.</summary>
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (State.Status != SessionStatus.Live || State.Plan is null)
        {
            return;
        }
        var now = clock.GetCurrentInstant();
        var changed = false;

        var progress = AgendaTimer.Tick(State.Progress, Plan.Agenda, Plan.AutoAdvance, now);
        if (progress != State.Progress)
        {
            State.Progress = progress;
            changed = true;
        }

        foreach (var (member, presence) in _present.Where(p => p.Value.GoneSince is { } gone && now - gone >= ReconnectGrace).ToList())
        {
            var index = State.Attendance.FindLastIndex(a => a.Member == member && a.Left is null);
            if (index >= 0)
            {
                State.Attendance[index] = State.Attendance[index] with { Left = presence.GoneSince };
            }
            _present.Remove(member);
            changed = true;
        }

        if (changed)
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

    private SessionLive Live() => new(
        Id, State.Seq, Plan.Title, State.Status, State.StartedAt, State.EndedAt, Plan.Agenda, State.Progress,
        [.. _present.Values.Select(p => new Participant(p.Member.Member, p.Member.DisplayName, p.Member.Role)).OrderBy(p => p.DisplayName, StringComparer.CurrentCulture)],
        Plan.MainDocument);

    private async Task<CommunityMember?> EnsureMemberAsync(Caller caller)
    {
        var plan = Plan;
        if (caller.IsAdmin)
        {
            return null;
        }
        return await GrainFactory.GetCommunity(plan.Community).GetMemberAsync(caller.Member)
            ?? throw CopLiveException.Forbidden("You are not a member of this session's community.");
    }

    private async Task EnsureFacilitatorAsync(Caller caller, string refusal)
    {
        var member = await EnsureMemberAsync(caller);
        if (member is not null && member.Role < CommunityRole.Facilitator)
        {
            throw CopLiveException.Forbidden(refusal);
        }
    }

    private static void ValidateConnection(string? connectionId)
    {
        if (string.IsNullOrWhiteSpace(connectionId) || connectionId.Length > 128)
        {
            throw CopLiveException.Invalid("connectionId", "'connectionId' must be 1-128 characters.");
        }
    }

    private SessionDetails Details(SessionPlan plan) => new(
        new SessionSummary(
            Id, plan.Community, plan.Title, plan.Start, plan.Start + plan.Duration,
            plan.TimeZone, plan.LocalStart, State.Status),
        plan.Duration, plan.Agenda, plan.CreatedBy, plan.CreatedAt, plan.MainDocument, plan.AutoAdvance);

    // Records compare ImmutableArray members by reference, so compare the agenda by value.
    private static bool IsSamePlan(SessionPlan a, SessionPlan b) =>
        a with { Agenda = [] } == b with { Agenda = [] } && a.Agenda.SequenceEqual(b.Agenda);

    private sealed class Presence(CommunityMember member)
    {
        public CommunityMember Member { get; set; } = member;
        public HashSet<string> Connections { get; } = new(StringComparer.Ordinal);
        public Instant? GoneSince { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} started")]
    private partial void LogStarted(SessionId sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} ended")]
    private partial void LogEnded(SessionId sessionId);
}
