using CopLive.Gateway.Wire;
using CopLive.Grains.Practice;
using CopLive.Protocol.Sessions;
using NodaTime;
using GrainAttendance = CopLive.Grains.Sessions.AttendanceRecord;

namespace CopLive.Gateway.Api.Contracts;

/// <summary>The minutes of a meeting (<c>GET /api/sessions/{id}/minutes</c>); <c>final</c> once the meeting ended.</summary>
public sealed record MinutesResponse(
    Guid SessionId,
    Guid CommunityId,
    string Title,
    string TimeZone,
    string ScheduledStart,
    bool Final,
    Instant? StartedAt,
    Instant? EndedAt,
    IReadOnlyList<MinutesAttendee> Attendance,
    IReadOnlyList<MinutesPhase> Agenda,
    IReadOnlyList<DecisionEntry> Decisions,
    IReadOnlyList<ActionItemEntry> ActionItems,
    IReadOnlyList<MinutesRoom> Rooms,
    Guid PlanDocumentId,
    long PlanVersion)
{
    public static MinutesResponse From(Minutes m) => new(
        m.Session.Value, m.Community.Value, m.Title, m.TimeZone, TimeText.Local(m.ScheduledStart), m.EndedAt is not null, m.StartedAt, m.EndedAt,
        [.. m.Attendance.Select(MinutesAttendee.From)],
        [.. m.Agenda.Select(p => new MinutesPhase(p.Title, p.PlannedMinutes, p.Started, p.Ended, (int)Math.Round(p.Overrun.TotalMinutes)))],
        [.. m.Decisions.Select(d => new DecisionEntry(d.Id, d.Text, d.By.Value, d.ByName, d.At, d.Phase))],
        [.. m.ActionItems.Select(a => a.ToWire(m.Session))],
        [.. m.Rooms.Select(r => new MinutesRoom(r.Round, r.Room, r.Notes.Value, r.Text))],
        m.Plan.Value, m.PlanVersion);
}

/// <summary>One stretch of someone's presence.</summary>
public sealed record MinutesAttendee(Guid MemberId, string DisplayName, Instant Joined, Instant? Left)
{
    public static MinutesAttendee From(GrainAttendance a) => new(a.Member.Value, a.DisplayName, a.Joined, a.Left);
}

/// <summary>One agenda phase as planned and as run; <c>overrunMinutes</c> is how much longer than planned it ran.</summary>
public sealed record MinutesPhase(string Title, int PlannedMinutes, Instant? Started, Instant? Ended, int OverrunMinutes);

/// <summary>What one breakout room wrote.</summary>
public sealed record MinutesRoom(string Round, string Room, Guid NotesDocumentId, string Text);
