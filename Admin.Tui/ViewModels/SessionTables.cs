using CopLive.Client.Admin;
using CopLive.Protocol.Json;
using CopLive.Protocol.Moderation;
using CopLive.Protocol.Rooms;
using CopLive.Protocol.Sessions;
using NodaTime;

namespace CopLive.Admin.Tui.ViewModels;

/// <summary>The tables of the Communities, Sessions, Rooms, Members and Help screens, built from the store.</summary>
public static class SessionTables
{
    /// <summary>Communities in scope, by name.</summary>
    public static TableModel Communities(ConsoleStore store) => new(
        ["Community", "Zone", "Members", "Facilitators", "Live", "Scheduled"],
        [.. store.Communities.OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).Select(c => new TableRow(c.CommunityId,
            [c.Name, c.TimeZone, N(c.Members), N(c.Facilitators), N(c.SessionsLive), N(c.SessionsScheduled)]))]);

    /// <summary>Sessions (of one community, or all): live first, then scheduled by start, then ended.</summary>
    public static TableModel Sessions(ConsoleStore store, Guid? community, Instant now, DateTimeZone zone) => new(
        ["Community", "Session", "State", "Phase", "Left", "Online", "Rooms", "Hands", "Help"],
        [.. store.Sessions
            .Where(s => community is null || s.CommunityId == community)
            .OrderBy(s => s.Status switch { SessionStatus.Live => 0, SessionStatus.Scheduled => 1, _ => 2 })
            .ThenBy(s => s.Status == SessionStatus.Ended ? -s.Start.ToUnixTimeTicks() : s.Start.ToUnixTimeTicks())
            .Select(s => new TableRow(s.SessionId,
            [
                s.Community, s.Title, ProtocolJson.Name(s.Status), Phase(s), Left(s, now, zone),
                s.Status == SessionStatus.Live ? $"{s.Online}/{s.Expected}" : "",
                s.Status == SessionStatus.Live ? N(s.Rooms.Count) : "",
                s.Status == SessionStatus.Live ? N(s.Members.Count(m => m.HandRaised)) : "",
                s.Status == SessionStatus.Live ? N(s.Help.Count(h => h.Status == HelpStatus.Open)) : "",
            ]))]);

    /// <summary>The rooms of a live session: the main room, then the round's rooms.</summary>
    public static TableModel Rooms(SessionBoard session) => new(
        ["Room", "Kind", "Members", "Hands", "Help"],
        [.. session.Rooms.Select(r => new TableRow(r.RoomId, [r.Name, ProtocolJson.Name(r.Kind), N(r.Members), N(r.Hands), N(r.HelpOpen)], Parent: r.NotesDocumentId))]);

    /// <summary>The members of a live session, by name.</summary>
    public static TableModel Members(SessionBoard session) => new(
        ["Member", "Role", "Room", "Online", "Muted", "Hand"],
        [.. session.Members.Select(m => new TableRow(m.MemberId,
            [m.Name, ProtocolJson.Name(m.Role), m.Room ?? "", m.Online ? "yes" : "away", m.Muted ? "MUTED" : "", m.HandRaised ? "✋" : ""]))]);

    /// <summary>Open and claimed help requests of every live session in scope, oldest first.</summary>
    public static TableModel Help(ConsoleStore store, Instant now) => new(
        ["Waiting", "Session", "Room", "Member", "Note", "Status", "Claimed by"],
        [.. store.Sessions.Where(s => s.Status == SessionStatus.Live)
            .SelectMany(s => s.Help.Select(h => (Session: s, Help: h)))
            .OrderBy(x => x.Help.Status == HelpStatus.Open ? 0 : 1).ThenBy(x => x.Help.At)
            .Select(x => new TableRow(x.Help.RoomId,
                [Countdown.Span(now - x.Help.At), x.Session.Title, x.Help.Room, x.Help.Member, x.Help.Note ?? "", ProtocolJson.Name(x.Help.Status), x.Help.ClaimedBy ?? ""],
                x.Help.RequestId, x.Session.SessionId))]);

    /// <summary>The agenda phase and its state: <c>Presenting</c>, <c>Feedback (paused)</c>, <c>done</c>.</summary>
    public static string Phase(SessionBoard s) => s.PhaseStatus switch
    {
        _ when s.Status != SessionStatus.Live => "",
        AgendaStatus.NotStarted => "not started",
        AgendaStatus.Finished => "done",
        AgendaStatus.Paused => $"{s.Phase} (paused)",
        _ => s.Phase ?? "",
    };

    /// <summary>Time left in the phase (and round), or when a scheduled session starts.</summary>
    public static string Left(SessionBoard s, Instant now, DateTimeZone zone)
    {
        switch (s.Status)
        {
            case SessionStatus.Scheduled:
                return s.Start > now ? $"starts {Countdown.Local(s.Start, zone, now)}" : "due";
            case SessionStatus.Live:
                var phase = s.PhaseStatus switch
                {
                    AgendaStatus.Running or AgendaStatus.Overtime when s.PhaseDeadline is { } deadline => Countdown.Until(deadline, now),
                    AgendaStatus.Paused when s.PhaseRemainingSeconds is { } seconds => Countdown.Clock(Duration.FromSeconds(seconds)),
                    _ => "",
                };
                return s.RoundDeadline is { } round ? $"{phase} (round {Countdown.Until(round, now)})".TrimStart() : phase;
            default:
                return "";
        }
    }

    private static string N(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
