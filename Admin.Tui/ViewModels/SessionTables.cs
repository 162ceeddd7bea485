using CopLive.Client.Admin;
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
            .OrderBy(s => s.Status switch { "live" => 0, "scheduled" => 1, _ => 2 })
            .ThenBy(s => s.Status == "ended" ? -s.Start.ToUnixTimeTicks() : s.Start.ToUnixTimeTicks())
            .Select(s => new TableRow(s.SessionId,
            [
                s.Community, s.Title, s.Status, Phase(s), Left(s, now, zone),
                s.Status == "live" ? $"{s.Online}/{s.Expected}" : "",
                s.Status == "live" ? N(s.Rooms.Count) : "",
                s.Status == "live" ? N(s.Members.Count(m => m.HandRaised)) : "",
                s.Status == "live" ? N(s.Help.Count(h => h.Status == "open")) : "",
            ]))]);

    /// <summary>The rooms of a live session: the main room, then the round's rooms.</summary>
    public static TableModel Rooms(SessionBoard session) => new(
        ["Room", "Kind", "Members", "Hands", "Help"],
        [.. session.Rooms.Select(r => new TableRow(r.RoomId, [r.Name, r.Kind, N(r.Members), N(r.Hands), N(r.HelpOpen)], Parent: r.NotesDocumentId))]);

    /// <summary>The members of a live session, by name.</summary>
    public static TableModel Members(SessionBoard session) => new(
        ["Member", "Role", "Room", "Online", "Muted", "Hand"],
        [.. session.Members.Select(m => new TableRow(m.MemberId,
            [m.Name, m.Role, m.Room ?? "", m.Online ? "yes" : "away", m.Muted ? "MUTED" : "", m.HandRaised ? "✋" : ""]))]);

    /// <summary>Open and claimed help requests of every live session in scope, oldest first.</summary>
    public static TableModel Help(ConsoleStore store, Instant now) => new(
        ["Waiting", "Session", "Room", "Member", "Note", "Status", "Claimed by"],
        [.. store.Sessions.Where(s => s.Status == "live")
            .SelectMany(s => s.Help.Select(h => (Session: s, Help: h)))
            .OrderBy(x => x.Help.Status == "open" ? 0 : 1).ThenBy(x => x.Help.At)
            .Select(x => new TableRow(x.Help.RoomId,
                [Countdown.Span(now - x.Help.At), x.Session.Title, x.Help.Room, x.Help.Member, x.Help.Note ?? "", x.Help.Status, x.Help.ClaimedBy ?? ""],
                x.Help.RequestId, x.Session.SessionId))]);

    /// <summary>The agenda phase and its state: <c>Presenting</c>, <c>Feedback (paused)</c>, <c>done</c>.</summary>
    public static string Phase(SessionBoard s) => s.PhaseStatus switch
    {
        _ when s.Status != "live" => "",
        "notStarted" => "not started",
        "finished" => "done",
        "paused" => $"{s.Phase} (paused)",
        _ => s.Phase ?? "",
    };

    /// <summary>Time left in the phase (and round), or when a scheduled session starts.</summary>
    public static string Left(SessionBoard s, Instant now, DateTimeZone zone)
    {
        switch (s.Status)
        {
            case "scheduled":
                return s.Start > now ? $"starts {Countdown.Local(s.Start, zone, now)}" : "due";
            case "live":
                var phase = s.PhaseStatus switch
                {
                    "running" or "overtime" when s.PhaseDeadline is { } deadline => Countdown.Until(deadline, now),
                    "paused" when s.PhaseRemainingSeconds is { } seconds => Countdown.Clock(Duration.FromSeconds(seconds)),
                    _ => "",
                };
                return s.RoundDeadline is { } round ? $"{phase} (round {Countdown.Until(round, now)})".TrimStart() : phase;
            default:
                return "";
        }
    }

    private static string N(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
