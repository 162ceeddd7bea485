using System.Collections.Immutable;
using CopLive.Grains.Communities;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Rooms;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using CopLive.Silo.Domain;
using CopLive.Silo.Grains.Rooms;
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
    ILogger<SessionGrain> logger) : PersistentGrain, ISessionGrain, ISessionGrainInternal
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
        await EnsureFacilitatorAsync(caller, "Only facilitators and owners can end a session.");
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
        for (var i = 0; i < State.Attendance.Count; i++)
        {
            if (State.Attendance[i].Left is null)
            {
                State.Attendance[i] = State.Attendance[i] with { Left = _present.GetValueOrDefault(State.Attendance[i].Member)?.GoneSince ?? now };
            }
        }
        _present.Clear();
        await CommitAsync();
        await GrainFactory.GetCommunityInternal(Plan.Community).SessionUpdatedAsync(Details(Plan).Summary);
        _ticker?.Dispose();
        _ticker = null;
        LogEnded(Id);
        await RecordDoneAsync(caller, "session.ended", null, null, why);
        return Live();
    }

    public async Task<SessionLive> JoinAsync(Caller caller, string connectionId)
    {
        var member = await EnsureMemberAsync(caller)
            ?? throw CopLiveException.Forbidden("Joining a session needs a member's identity; the admin key only observes.");
        ValidateConnection(connectionId);
        if (State.Removed.Contains(member.Member))
        {
            throw CopLiveException.Forbidden("A facilitator removed you from this session.");
        }
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
        if (State.Round is { Mode: BreakoutMode.Auto, Closing: false } round && member.Role < CommunityRole.Facilitator
            && !round.Assignments.ContainsKey(member.Member.Value))
        {
            // A late joiner goes to the smallest room.
            var sizes = round.Rooms.Select(r => round.Assignments.Values.Count(a => a == r.Room)).ToList();
            await AssignAsync(member.Member, round.Rooms[BreakoutAssignment.Smallest(sizes)].Room);
        }
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

    public async Task<SessionLive> ExtendPhaseAsync(Caller caller, int minutes)
    {
        var live = await AgendaCommandAsync(caller, now => AgendaTimer.Extend(State.Progress, minutes, now));
        await RecordDoneAsync(caller, "phase.extended", null, $"{minutes:+0;-0} min", null);
        return live;
    }

    public async Task<SessionLive> OpenBreakoutsAsync(Caller caller, BreakoutSpec spec)
    {
        await EnsureFacilitatorAsync(caller, "Only facilitators and owners can open breakout rooms.");
        EnsureLive();
        if (State.Round is not null)
        {
            throw new CopLiveException(CopLiveError.Conflict, "A breakout round is already open; close it first.");
        }

        var names = RoomNames(spec);
        var minutes = Require.InRange("minutes", spec.Minutes, 1, 240);
        var members = _present.Values
            .Where(p => p.GoneSince is null && p.Member.Role < CommunityRole.Facilitator)
            .Select(p => p.Member.Member)
            .OrderBy(m => State.Attendance.FindIndex(a => a.Member == m))
            .ToList();
        if (names.Count > members.Count)
        {
            throw CopLiveException.Invalid("rooms", $"{names.Count} rooms need at least {names.Count} members present; {members.Count} are.");
        }
        var manual = ManualAssignments(spec, names.Count, members);

        var now = clock.GetCurrentInstant();
        var round = new BreakoutRoundState { Id = Guid.NewGuid(), Mode = spec.Mode, Deadline = now + Duration.FromMinutes(minutes) };
        // Rooms and their notes start knowing who is muted in this session.
        ImmutableArray<MemberId> muted = [.. State.Muted];
        var notes = await Task.WhenAll(names.Select(name => GrainFactory.GetDocumentInternal(DocumentId.New()).InitializeAsync(
            new DocumentSetup(Plan.Community, $"{Plan.Title}: {name} notes", "", caller.Member, now, Id, muted))));
        round.Rooms.AddRange(names.Zip(notes, (name, n) => new BreakoutRoomState { Room = RoomId.New(), Name = name, Notes = n.Id }));
        await GrainFactory.GetCommunityInternal(Plan.Community).DocumentsCreatedAsync([.. notes.Select(n => new DocumentSummary(n.Id, n.Title))]);

        var placement = spec.Mode switch
        {
            BreakoutMode.Auto => members.Zip(BreakoutAssignment.Balanced(members.Count, names.Count)).ToDictionary(p => p.First, p => p.Second),
            BreakoutMode.Manual => manual,
            _ => [],
        };
        foreach (var (member, index) in placement)
        {
            round.Assignments[member.Value] = round.Rooms[index].Room;
        }
        await Task.WhenAll(round.Rooms.Select(room => GrainFactory.GetRoomInternal(room.Room).InitializeAsync(new RoomSetup(
            Id, Plan.Community, room.Name, RoomKind.Breakout, room.Notes, MembersOf(round, room.Room), muted))));

        State.Round = round;
        await CommitAsync();
        await RecordDoneAsync(caller, "round.opened", null, $"{names.Count} rooms, {spec.Mode.ToString().ToLowerInvariant()}, {minutes} min", null);
        LogRoundOpened(Id, names.Count);
        return Live();
    }

    public async Task<SessionLive> ChooseRoomAsync(Caller caller, RoomId room)
    {
        var member = await EnsureMemberAsync(caller) ?? throw CopLiveException.Forbidden("Choosing a room needs a member's identity.");
        var round = OpenRound();
        if (round.Mode != BreakoutMode.Self)
        {
            throw CopLiveException.Forbidden("In this round the facilitator assigns the rooms.");
        }
        if (!_present.ContainsKey(member.Member))
        {
            throw new CopLiveException(CopLiveError.Conflict, "Join the session before choosing a room.");
        }
        await AssignAsync(member.Member, RoomOf(round, room, "room").Room);
        await CommitAsync();
        return Live();
    }

    public async Task<SessionLive> MoveMemberAsync(Caller caller, MemberId member, RoomId room)
    {
        await EnsureFacilitatorAsync(caller, "Only facilitators and owners can move members.");
        var round = OpenRound();
        var target = RoomOf(round, room, "room");
        if (!_present.ContainsKey(member) && !round.Assignments.ContainsKey(member.Value))
        {
            throw CopLiveException.Invalid("member", "That member is not in this session.");
        }
        await AssignAsync(member, target.Room);
        await CommitAsync();
        await RecordDoneAsync(caller, "member.moved", member, $"to {target.Name}", null);
        return Live();
    }

    public async Task<SessionLive> BroadcastToRoomsAsync(Caller caller, string text)
    {
        var sender = await EnsureFacilitatorMemberAsync(caller, "Only facilitators and owners can broadcast.");
        EnsureLive();
        var message = Require.Text("text", text, RoomGrain.ChatLength);
        var rooms = (State.Round?.Rooms.Select(r => r.Room) ?? []).Append(State.MainRoom);
        await Task.WhenAll(rooms.Select(r => GrainFactory.GetRoomInternal(r).BroadcastAsync(sender?.Member ?? default, sender?.DisplayName ?? "admin", message)));
        await RecordDoneAsync(caller, "rooms.broadcast", null, message, null);
        return Live();
    }

    public async Task<SessionLive> ExtendRoundAsync(Caller caller, int minutes)
    {
        await EnsureFacilitatorAsync(caller, "Only facilitators and owners can change the round's time.");
        var round = OpenRound();
        if (minutes == 0 || Math.Abs(minutes) > AgendaTimer.MaxExtendMinutes)
        {
            throw CopLiveException.Invalid("minutes", $"'minutes' must be between -{AgendaTimer.MaxExtendMinutes} and {AgendaTimer.MaxExtendMinutes}, and not 0; it was {minutes}.");
        }
        var now = clock.GetCurrentInstant();
        var deadline = round.Deadline + Duration.FromMinutes(minutes);
        round.Deadline = deadline > now ? deadline : now;
        await CommitAsync();
        await RecordDoneAsync(caller, "round.extended", null, $"{minutes:+0;-0} min", null);
        return Live();
    }

    public async Task<SessionLive> CloseRoundAsync(Caller caller)
    {
        await EnsureFacilitatorAsync(caller, "Only facilitators and owners can close the round.");
        if (State.Round is null)
        {
            throw new CopLiveException(CopLiveError.Conflict, "There is no breakout round open.");
        }
        await CloseRoundCoreAsync();
        await RecordDoneAsync(caller, "round.closed", null, null, null);
        return Live();
    }

    /// <summary>
    /// Merges each room's notes into the lesson plan (each section keyed by round and room, so a repeat is a
    /// no-op), closes the rooms, and brings everyone back to the main room.
    /// </summary>
    private async Task CloseRoundCoreAsync()
    {
        var round = State.Round!;
        if (!round.Closing)
        {
            round.Closing = true;
            await CommitAsync();
        }

        var names = State.Attendance.GroupBy(a => a.Member).ToDictionary(g => g.Key, g => g.Last().DisplayName);
        var plan = GrainFactory.GetDocumentInternal(Plan.MainDocument);
        for (var i = 0; i < round.Rooms.Count; i++)
        {
            var room = round.Rooms[i];
            var notes = await GrainFactory.GetDocumentInternal(room.Notes).GetTextWithAuthorsAsync();
            if (!string.IsNullOrWhiteSpace(notes.Text))
            {
                var (text, authors) = NotesSection.Build(room.Name, notes, names);
                await plan.AppendSectionAsync($"{round.Id:N}:{i}", text, authors);
            }
            await GrainFactory.GetRoomInternal(room.Room).CloseAsync();
        }

        State.Round = null;
        State.RoundsClosed++;
        await CommitAsync();
        LogRoundClosed(Id, round.Rooms.Count);
    }

    private async Task AssignAsync(MemberId member, RoomId room)
    {
        var round = State.Round!;
        var previous = round.Assignments.TryGetValue(member.Value, out var was) ? was : (RoomId?)null;
        if (previous == room)
        {
            return;
        }
        round.Assignments[member.Value] = room;
        await GrainFactory.GetRoomInternal(room).SetMembersAsync(MembersOf(round, room));
        if (previous is { } old)
        {
            await GrainFactory.GetRoomInternal(old).SetMembersAsync(MembersOf(round, old));
        }
    }

    private static ImmutableArray<MemberId> MembersOf(BreakoutRoundState round, RoomId room) =>
        [.. round.Assignments.Where(a => a.Value == room).Select(a => new MemberId(a.Key))];

    private BreakoutRoundState OpenRound()
    {
        EnsureLive();
        return State.Round is { Closing: false } round
            ? round
            : throw new CopLiveException(CopLiveError.Conflict, "There is no breakout round open.");
    }

    private static BreakoutRoomState RoomOf(BreakoutRoundState round, RoomId room, string field) =>
        round.Rooms.Find(r => r.Room == room) ?? throw CopLiveException.Invalid(field, "That room is not part of the open round.");

    private static List<string> RoomNames(BreakoutSpec spec)
    {
        if (!spec.Names.IsDefaultOrEmpty)
        {
            if (spec.Names.Length > 20)
            {
                throw CopLiveException.Invalid("names", "A round has at most 20 rooms.");
            }
            return [.. spec.Names.Select((n, i) => Require.Text($"names[{i}]", n, 100))];
        }
        var count = Require.InRange("rooms", spec.Rooms, 1, 20);
        return [.. Enumerable.Range(1, count).Select(i => $"Room {i}")];
    }

    private static Dictionary<MemberId, int> ManualAssignments(BreakoutSpec spec, int rooms, IReadOnlyList<MemberId> present)
    {
        if (spec.Mode != BreakoutMode.Manual)
        {
            return [];
        }
        if (spec.Assignments.IsDefaultOrEmpty)
        {
            throw CopLiveException.Invalid("assignments", "A manual round needs assignments: member and room for each.");
        }
        var result = new Dictionary<MemberId, int>();
        foreach (var (assignment, i) in spec.Assignments.Select((a, i) => (a, i)))
        {
            if (!present.Contains(assignment.Member))
            {
                throw CopLiveException.Invalid($"assignments[{i}].member", "That member is not in this session.");
            }
            result[assignment.Member] = Require.InRange($"assignments[{i}].room", assignment.Room, 0, rooms - 1);
        }
        return result;
    }

    private void EnsureLive()
    {
        if (State.Status != SessionStatus.Live)
        {
            throw new CopLiveException(CopLiveError.Conflict, "The session is not live.");
        }
    }

    public async Task<SessionLive> RemoveAsync(Caller caller, MemberId member, string? reason)
    {
        var why = await EnsureModeratesAsync(caller, member, reason, "remove");
        if (State.Removed.Contains(member))
        {
            return Live();
        }

        var now = clock.GetCurrentInstant();
        State.Removed.Add(member);
        if (_present.Remove(member))
        {
            var index = State.Attendance.FindLastIndex(a => a.Member == member && a.Left is null);
            if (index >= 0)
            {
                State.Attendance[index] = State.Attendance[index] with { Left = now };
            }
        }
        if (State.Round is { } round && round.Assignments.Remove(member.Value, out var room))
        {
            await GrainFactory.GetRoomInternal(room).SetMembersAsync(MembersOf(round, room));
        }
        await CommitAsync();
        await GrainFactory.GetMemberInternal(member).RevokeAccessAsync($"removed from the session {Plan.Title}");
        await GrainFactory.GetCommunityInternal(Plan.Community).RecordAsync(caller, "member.removed", member, Plan.Title, why, "done");
        return Live();
    }

    /// <summary>Checks that the caller may moderate <paramref name="member"/> here; returns the validated reason.</summary>
    private async Task<string?> EnsureModeratesAsync(Caller caller, MemberId member, string? reason, string verb)
    {
        var moderator = await EnsureFacilitatorMemberAsync(caller, $"Only facilitators and owners can {verb} members.", verb);
        var why = Require.OptionalText("reason", reason, Limits.NameLength);
        var target = await GrainFactory.GetCommunityInternal(Plan.Community).GetMemberAsync(member)
            ?? throw CopLiveException.Invalid("member", "That person is not a member of this community.");
        if (moderator is not null && target.Role >= moderator.Role)
        {
            throw CopLiveException.Forbidden($"You can only {verb} members below your own role.");
        }
        return why;
    }

    public async Task<SessionLive> MuteAsync(Caller caller, MemberId member, bool muted, string? reason)
    {
        var why = await EnsureModeratesAsync(caller, member, reason, "mute");
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
        await GrainFactory.GetCommunityInternal(Plan.Community).RecordAsync(caller, muted ? "member.muted" : "member.unmuted", member, Plan.Title, why, "done");
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

    private async Task<SessionLive> AgendaCommandAsync(
        Caller caller, Func<Instant, AgendaProgress> command, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        await EnsureFacilitatorAsync(caller, "Only facilitators and owners can run the agenda.", name);
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

        if (State.Round is { } round && (round.Closing || round.Deadline <= now))
        {
            await CloseRoundCoreAsync();
            return;
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
        Plan.MainDocument,
        State.MainRoom,
        State.Round is { } round
            ? new BreakoutView(round.Id, round.Mode, round.Deadline,
                [.. round.Rooms.Select(r => new BreakoutRoom(r.Room, r.Name, r.Notes, MembersOf(round, r.Room)))], round.Closing)
            : null,
        State.RoundsClosed,
        [.. State.Muted]);

    private async Task<CommunityMember?> EnsureMemberAsync(Caller caller)
    {
        var plan = Plan;
        if (caller.IsAdmin)
        {
            return null;
        }
        return await GrainFactory.GetCommunityInternal(plan.Community).GetMemberAsync(caller.Member)
            ?? throw CopLiveException.Forbidden("You are not a member of this session's community.");
    }

    /// <summary>Records a moderation command that took effect in the community's audit log.</summary>
    private Task RecordDoneAsync(Caller caller, string action, MemberId? target, string? detail, string? reason) =>
        GrainFactory.GetCommunityInternal(Plan.Community).RecordAsync(caller, action, target, detail is null ? Plan.Title : $"{Plan.Title}: {detail}", reason, "done");

    private Task EnsureFacilitatorAsync(Caller caller, string refusal, [System.Runtime.CompilerServices.CallerMemberName] string command = "") =>
        EnsureFacilitatorMemberAsync(caller, refusal, command);

    /// <summary>Refuses callers below facilitator; the refusal of a privileged call is recorded in the community's audit log.</summary>
    private async Task<CommunityMember?> EnsureFacilitatorMemberAsync(
        Caller caller, string refusal, [System.Runtime.CompilerServices.CallerMemberName] string command = "")
    {
        var member = await EnsureMemberAsync(caller);
        if (member is null || member.Role >= CommunityRole.Facilitator)
        {
            return member;
        }
        await GrainFactory.GetCommunityInternal(Plan.Community).RecordAsync(caller, AuditAction.For("session", command), null, Plan.Title, null, "refused");
        throw CopLiveException.Forbidden(refusal);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} opened a breakout round of {Rooms} rooms")]
    private partial void LogRoundOpened(SessionId sessionId, int rooms);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} closed a breakout round of {Rooms} rooms")]
    private partial void LogRoundClosed(SessionId sessionId, int rooms);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} started")]
    private partial void LogStarted(SessionId sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} ended")]
    private partial void LogEnded(SessionId sessionId);
}
