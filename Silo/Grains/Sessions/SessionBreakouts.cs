using CopLive.Grains.Communities;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Sessions;
using CopLive.Silo.Domain;
using CopLive.Silo.Domain.Sessions;
using NodaTime;

namespace CopLive.Silo.Grains.Sessions;

/// <summary>
/// A session's breakout rounds: opening one from a facilitator's request, members choosing or being moved between
/// rooms, changing its deadline, and closing it (merging every room's notes) by hand or at the deadline. It changes
/// the session's state; the session stores it and tells everyone.
/// </summary>
internal sealed class SessionBreakouts(SessionState state, Attendance attendance, BreakoutRooms rooms, StandingGroups standing, IClock clock)
{
    /// <summary>The open round, or a refusal when the session is not live or has none open.</summary>
    public BreakoutRoundState Open
    {
        get
        {
            SessionLifecycle.EnsureLive(state);
            return state.Round is { Closing: false } round ? round : throw new CopLiveException(CopLiveError.Conflict, "There is no breakout round open.");
        }
    }

    /// <summary>Opens a round: rooms and notes for every name, the members present placed as the request says.</summary>
    public async Task<BreakoutPlan> OpenAsync(BreakoutSpec spec, MemberId openedBy)
    {
        SessionLifecycle.EnsureLive(state);
        if (state.Round is not null)
        {
            throw new CopLiveException(CopLiveError.Conflict, "A breakout round is already open; close it first.");
        }
        var groups = spec.Mode == BreakoutMode.Auto ? await standing.GetAsync() : null;
        var plan = BreakoutPlan.From(spec, attendance.HereBelow(CommunityRole.Facilitator), groups);
        var now = clock.GetCurrentInstant();
        state.Round = await rooms.OpenAsync(plan, spec.Mode, openedBy, now, now + Duration.FromMinutes(plan.Minutes), [.. state.Muted]);
        if (groups is not null)
        {
            await standing.RememberAsync(plan.Placement);
        }
        return plan;
    }

    /// <summary>
    /// Keeps the rounds of the agenda's breakout phases in step with it: closes a phase's round once the agenda has
    /// left that phase, opens the round of a breakout phase the agenda is in (once per phase; a round opened by hand
    /// is closed first), and keeps a phase round's deadline on its phase's. Returns whether anything changed.
    /// </summary>
    public async Task<bool> FollowAgendaAsync(SessionPlan plan, MemberId openedBy, Func<Task> closeRound)
    {
        var progress = state.Progress;
        int? current = progress.Status is AgendaStatus.Running or AgendaStatus.Paused or AgendaStatus.Overtime ? progress.Phase : null;
        var changed = false;
        if (state.Round is { Phase: { } phase } && phase != current)
        {
            await closeRound();
            changed = true;
        }
        if (current is { } index && plan.Agenda[index].Breakout is { } breakout && state.PhaseRoundFor != index)
        {
            state.PhaseRoundFor = index;
            if (state.Round is not null)
            {
                await closeRound();
            }
            await OpenPhaseRoundAsync(index, plan.Agenda[index], breakout, openedBy);
            changed = true;
        }
        // A paused phase keeps its round's last deadline: the countdown shown stops moving only on the agenda's timer.
        if (state.Round is { Phase: not null } round && progress is { Status: not AgendaStatus.Paused, Deadline: { } deadline } && round.Deadline != deadline)
        {
            round.Deadline = deadline;
            changed = true;
        }
        return changed;
    }

    private async Task OpenPhaseRoundAsync(int index, AgendaItem phase, PhaseBreakout breakout, MemberId openedBy)
    {
        var present = attendance.HereBelow(CommunityRole.Facilitator);
        if (present.Count == 0)
        {
            // Nobody to place: the phase runs in the main room.
            return;
        }
        var spec = new BreakoutSpec(Math.Min(breakout.Rooms, present.Count), [], breakout.Mode, phase.Minutes, []);
        var groups = breakout.Mode == BreakoutMode.Auto ? await standing.GetAsync() : null;
        var plan = BreakoutPlan.From(spec, present, groups);
        var now = clock.GetCurrentInstant();
        var deadline = state.Progress.Deadline ?? now + (state.Progress.Remaining ?? Duration.FromMinutes(phase.Minutes));
        state.Round = await rooms.OpenAsync(plan, breakout.Mode, openedBy, now, deadline, [.. state.Muted], PhaseNotes.Seed(phase), index);
        if (groups is not null)
        {
            await standing.RememberAsync(plan.Placement);
        }
    }

    /// <summary>A member picks their room in a self-select round.</summary>
    public async Task ChooseAsync(MemberId member, RoomId room)
    {
        var round = Open;
        if (round.Mode != BreakoutMode.Self)
        {
            throw CopLiveException.Forbidden("In this round the facilitator assigns the rooms.");
        }
        if (!attendance.IsPresent(member))
        {
            throw new CopLiveException(CopLiveError.Conflict, "Join the session before choosing a room.");
        }
        await rooms.AssignAsync(round, member, BreakoutRooms.RoomOf(round, room, "room").Room);
    }

    /// <summary>Moves a member to a room of the open round; returns the room's name.</summary>
    public async Task<string> MoveAsync(MemberId member, RoomId room)
    {
        var round = Open;
        var target = BreakoutRooms.RoomOf(round, room, "room");
        if (!attendance.IsPresent(member) && !round.Assignments.ContainsKey(member.Value))
        {
            throw CopLiveException.Invalid("member", "That member is not in this session.");
        }
        await rooms.AssignAsync(round, member, target.Room);
        return target.Name;
    }

    /// <summary>Lengthens (or shortens, never into the past) the open round.</summary>
    public void Extend(int minutes)
    {
        var round = Open;
        if (minutes == 0 || Math.Abs(minutes) > AgendaTimer.MaxExtendMinutes)
        {
            throw CopLiveException.Invalid("minutes", $"'minutes' must be between -{AgendaTimer.MaxExtendMinutes} and {AgendaTimer.MaxExtendMinutes}, and not 0; it was {minutes}.");
        }
        var now = clock.GetCurrentInstant();
        var deadline = round.Deadline + Duration.FromMinutes(minutes);
        round.Deadline = deadline > now ? deadline : now;
    }

    /// <summary>A member arriving late in an automatic round goes to their standing group's room, or else the smallest room.</summary>
    public async Task PlaceLateJoinerAsync(CommunityMember member)
    {
        if (state.Round is not { Mode: BreakoutMode.Auto, Closing: false } round || member.Role >= CommunityRole.Facilitator
            || round.Assignments.ContainsKey(member.Member.Value))
        {
            return;
        }
        if (await standing.GetAsync() is { } groups && groups.TryGetValue(member.Member, out var group))
        {
            await rooms.AssignAsync(round, member.Member, round.Rooms[group % round.Rooms.Count].Room);
            return;
        }
        await rooms.AssignLateJoinerAsync(round, member.Member);
    }

    /// <summary>Takes a removed member out of the round.</summary>
    public Task RemoveAsync(MemberId member) => state.Round is { } round ? rooms.UnassignAsync(round, member) : Task.CompletedTask;

    /// <summary>
    /// Whether the open round's deadline has passed, or a close was cut short and must resume. A phase's round ends
    /// with its phase instead (<see cref="FollowAgendaAsync"/>).
    /// </summary>
    public bool Due(Instant now) => state.Round is { } round && (round.Closing || (round.Phase is null && round.Deadline <= now));

    /// <summary>
    /// Closes the round: marked closing and stored first (so a crash resumes the close), then every room's notes
    /// merged into the plan, the rooms closed, and everyone back in the main room. Returns how many rooms it had.
    /// </summary>
    public async Task<int> CloseAsync(Func<Task> store)
    {
        var round = state.Round ?? throw new CopLiveException(CopLiveError.Conflict, "There is no breakout round open.");
        if (!round.Closing)
        {
            round.Closing = true;
            await store();
        }
        await rooms.MergeAndCloseAsync(round, attendance.Names());
        state.Round = null;
        state.RoundsClosed++;
        state.ClosedRooms.AddRange(round.Rooms.Select(r => new ClosedRoom(state.RoundsClosed, round.Phase, r.Name, r.Notes, r.Seed)));
        return round.Rooms.Count;
    }
}
