using CopLive.Grains.Ids;
using CopLive.Grains.Practice;
using CopLive.Grains.Sessions;
using NodaTime;

namespace CopLive.Silo.Grains.Sessions;

/// <summary>
/// Persisted state of a session. Presence (which connections are open) is transient and lives only in the
/// activation; attendance, the record of it, is here.
/// </summary>
[GenerateSerializer, Alias("coplive.SessionState")]
public sealed class SessionState
{
    /// <summary>The schedule as validated by the community; null until the session is created.</summary>
    [Id(0)] public SessionPlan? Plan { get; set; }
    [Id(1)] public SessionStatus Status { get; set; }
    [Id(2)] public Instant? StartedAt { get; set; }
    [Id(3)] public Instant? EndedAt { get; set; }
    [Id(4)] public AgendaProgress Progress { get; set; } = AgendaProgress.NotStarted;
    [Id(5)] public List<AttendanceRecord> Attendance { get; set; } = [];
    [Id(6)] public long Seq { get; set; }
    [Id(7)] public RoomId MainRoom { get; set; }
    [Id(8)] public BreakoutRoundState? Round { get; set; }
    [Id(9)] public int RoundsClosed { get; set; }

    /// <summary>Members muted in this session: their edits to its documents and their chat are refused.</summary>
    [Id(10)] public List<MemberId> Muted { get; set; } = [];

    /// <summary>Members removed from this session: they cannot rejoin it.</summary>
    [Id(11)] public List<MemberId> Removed { get; set; } = [];

    /// <summary>The breakout phase whose round was last opened, so each phase opens its round once.</summary>
    [Id(12)] public int? PhaseRoundFor { get; set; }

    /// <summary>The member a facilitator named to record decisions and action items.</summary>
    [Id(13)] public MemberId? Recorder { get; set; }

    [Id(14)] public List<Decision> Decisions { get; set; } = [];

    [Id(15)] public List<ActionItem> ActionItems { get; set; } = [];

    /// <summary>When each agenda phase really started and ended.</summary>
    [Id(16)] public List<PhaseRun> PhaseRuns { get; set; } = [];

    /// <summary>Every breakout room closed so far, for the minutes.</summary>
    [Id(17)] public List<ClosedRoom> ClosedRooms { get; set; } = [];

    /// <summary>The lesson plan's version when the meeting ended.</summary>
    [Id(18)] public long? PlanVersionAtEnd { get; set; }

    /// <summary>The earlier meeting of the series whose open action items this one carries; -1 for none.</summary>
    [Id(19)] public int CarriedFrom { get; set; } = -1;
}

/// <summary>A breakout room of a closed round: its notes, and the prompt they started with.</summary>
[GenerateSerializer, Alias("coplive.SessionState.ClosedRoom")]
public sealed record ClosedRoom(
    [property: Id(0)] int Round,
    [property: Id(1)] int? Phase,
    [property: Id(2)] string Name,
    [property: Id(3)] DocumentId Notes,
    [property: Id(4)] string Seed);

/// <summary>The open breakout round.</summary>
[GenerateSerializer, Alias("coplive.SessionState.Round")]
public sealed class BreakoutRoundState
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public BreakoutMode Mode { get; set; }
    [Id(2)] public Instant Deadline { get; set; }
    [Id(3)] public List<BreakoutRoomState> Rooms { get; set; } = [];

    /// <summary>Member → room. A member missing here is in the main room.</summary>
    [Id(4)] public Dictionary<Guid, RoomId> Assignments { get; set; } = [];

    /// <summary>Set before merging begins, so a crash mid-close resumes the close rather than forgetting it.</summary>
    [Id(5)] public bool Closing { get; set; }

    /// <summary>The agenda phase the round belongs to: it closes when the agenda leaves that phase, not at its own deadline. Null for a round opened by hand.</summary>
    [Id(6)] public int? Phase { get; set; }
}

/// <summary>One room of the open round.</summary>
[GenerateSerializer, Alias("coplive.SessionState.RoundRoom")]
public sealed class BreakoutRoomState
{
    [Id(0)] public RoomId Room { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public DocumentId Notes { get; set; }

    /// <summary>The text the notes started with (the phase's prompt), left out when they are merged into the plan.</summary>
    [Id(3)] public string Seed { get; set; } = "";
}
