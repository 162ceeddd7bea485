using System.Collections.Immutable;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;

namespace CopLive.Grains.Sessions;

/// <summary>
/// One meeting of a community: its schedule, lifecycle (Scheduled → Live → Ended), agenda countdown, presence
/// and attendance. Lifecycle and agenda commands are for facilitators and owners (and the administrator);
/// every call re-checks the caller's rights.
/// </summary>
[Alias("coplive.ISessionGrain")]
public interface ISessionGrain : IGrainWithGuidKey
{
    /// <summary>The session (members of its community and the administrator).</summary>
    [Alias("Get")]
    Task<SessionDetails> GetAsync(Caller caller);

    /// <summary>The live state: status, agenda countdown, who is present.</summary>
    [Alias("GetLive")]
    Task<SessionLive> GetLiveAsync(Caller caller);

    /// <summary>Opens the meeting (Scheduled → Live).</summary>
    [Alias("Start")]
    Task<SessionLive> StartAsync(Caller caller);

    /// <summary>Closes the meeting (Live → Ended); everyone's attendance ends now.</summary>
    /// <param name="caller">Who ends it (facilitators and owners).</param>
    /// <param name="reason">Why, for the audit log (optional).</param>
    [Alias("End")]
    Task<SessionLive> EndAsync(Caller caller, string? reason);

    /// <summary>Calls off a scheduled session (facilitators and owners); it is listed as cancelled and never runs.</summary>
    [Alias("Cancel")]
    Task<SessionDetails> CancelAsync(Caller caller, string? reason);

    /// <summary>
    /// Moves a scheduled session to another wall-clock start in its zone, and to another length when
    /// <paramref name="durationMinutes"/> is given (facilitators and owners).
    /// </summary>
    [Alias("Reschedule")]
    Task<SessionDetails> RescheduleAsync(Caller caller, NodaTime.LocalDateTime start, int? durationMinutes);

    /// <summary>
    /// Changes a scheduled session's title, agenda, start or length, together: all of them or none (facilitators and
    /// owners).
    /// </summary>
    [Alias("Revise")]
    Task<SessionDetails> ReviseAsync(Caller caller, SessionRevision revision);

    /// <summary>A connection of the caller joins the live session; a member with several connections counts once.</summary>
    [Alias("Join")]
    Task<SessionLive> JoinAsync(Caller caller, string connectionId);

    /// <summary>A connection leaves; the member leaves when their last connection has been gone for the grace period.</summary>
    [Alias("Leave")]
    Task LeaveAsync(Caller caller, string connectionId);

    /// <summary>Every join and leave, in order.</summary>
    [Alias("GetAttendance")]
    Task<ImmutableArray<AttendanceRecord>> GetAttendanceAsync(Caller caller);

    /// <summary>Starts the first phase's countdown.</summary>
    [Alias("StartAgenda")]
    Task<SessionLive> StartAgendaAsync(Caller caller);

    /// <summary>Moves on to the next phase now.</summary>
    [Alias("AdvancePhase")]
    Task<SessionLive> AdvancePhaseAsync(Caller caller);

    /// <summary>Pauses the countdown.</summary>
    [Alias("PausePhase")]
    Task<SessionLive> PausePhaseAsync(Caller caller);

    /// <summary>Resumes the countdown.</summary>
    [Alias("ResumePhase")]
    Task<SessionLive> ResumePhaseAsync(Caller caller);

    /// <summary>Lengthens (or, with negative minutes, shortens) the current phase.</summary>
    [Alias("ExtendPhase")]
    Task<SessionLive> ExtendPhaseAsync(Caller caller, int minutes);

    /// <summary>Opens a breakout round (facilitators and owners); only one round at a time.</summary>
    [Alias("OpenBreakouts")]
    Task<SessionLive> OpenBreakoutsAsync(Caller caller, BreakoutSpec spec);

    /// <summary>A member picks their room in a self-select round.</summary>
    [Alias("ChooseRoom")]
    Task<SessionLive> ChooseRoomAsync(Caller caller, RoomId room);

    /// <summary>Moves a member to another room of the open round (facilitators and owners); atomic.</summary>
    [Alias("MoveMember")]
    Task<SessionLive> MoveMemberAsync(Caller caller, MemberId member, RoomId room);

    /// <summary>Posts a message to every room of the round, and the main room (facilitators and owners).</summary>
    [Alias("BroadcastToRooms")]
    Task<SessionLive> BroadcastToRoomsAsync(Caller caller, string text);

    /// <summary>Lengthens (or, negative, shortens) the open round.</summary>
    [Alias("ExtendRound")]
    Task<SessionLive> ExtendRoundAsync(Caller caller, int minutes);

    /// <summary>
    /// Closes the round: each room's notes are appended to the lesson plan as an attributed section (once, however
    /// often this runs), the rooms close, and everyone is back in the main room.
    /// </summary>
    [Alias("CloseRound")]
    Task<SessionLive> CloseRoundAsync(Caller caller);

    /// <summary>
    /// Mutes (or unmutes) a member for this session: their document edits and chat are refused at once; they can
    /// still read, raise a hand, ask for help and be moved (facilitators and owners; never someone of equal rank).
    /// </summary>
    [Alias("Mute")]
    Task<SessionLive> MuteAsync(Caller caller, MemberId member, bool muted, string? reason);

    /// <summary>
    /// Removes a member from this session (facilitators and owners; members below them): they leave every room at
    /// once, their connections are closed, and they cannot rejoin this session.
    /// </summary>
    [Alias("Remove")]
    Task<SessionLive> RemoveAsync(Caller caller, MemberId member, string? reason);

    /// <summary>Names the member who records decisions and action items beside the facilitators, or nobody (facilitators and owners).</summary>
    [Alias("SetRecorder")]
    Task<SessionLive> SetRecorderAsync(Caller caller, MemberId? member);

    /// <summary>Marks a decision of the live meeting (facilitators, owners, the recorder).</summary>
    [Alias("AddDecision")]
    Task<SessionLive> AddDecisionAsync(Caller caller, string text);

    /// <summary>Marks an action item of the live meeting, with an owner from the community and a due date if given (facilitators, owners, the recorder).</summary>
    [Alias("AddActionItem")]
    Task<SessionLive> AddActionItemAsync(Caller caller, string text, MemberId? owner, NodaTime.LocalDate? due);

    /// <summary>Marks an action item done, or open again (facilitators, owners, the recorder).</summary>
    [Alias("SetActionItemDone")]
    Task<SessionLive> SetActionItemDoneAsync(Caller caller, Guid item, bool done);

    /// <summary>Takes back a decision or action item marked by mistake (facilitators, owners, the recorder).</summary>
    [Alias("RemoveMinutesEntry")]
    Task<SessionLive> RemoveMinutesEntryAsync(Caller caller, Guid entry);

    /// <summary>The minutes: a draft while the meeting runs, final once it ended (members and the administrator).</summary>
    [Alias("GetMinutes")]
    Task<Practice.Minutes> GetMinutesAsync(Caller caller);

    /// <summary>Subscribes a gateway's observer; subscriptions expire unless renewed.</summary>
    [Alias("Subscribe")]
    Task SubscribeAsync(ISessionObserver observer);

    /// <summary>Ends a gateway's subscription.</summary>
    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(ISessionObserver observer);
}
