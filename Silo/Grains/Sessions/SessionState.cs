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
}
