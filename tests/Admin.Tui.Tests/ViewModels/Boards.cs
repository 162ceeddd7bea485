using CopLive.Client.Admin;
using CopLive.Protocol.Moderation;
using CopLive.Protocol.Rooms;
using CopLive.Protocol.Sessions;
using NodaTime;

namespace CopLive.Admin.Tui.Tests.ViewModels;

/// <summary>Sessions as the gateway would describe them.</summary>
internal static class Boards
{
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 28, 16, 5);
    public static readonly Guid Community = Guid.NewGuid();
    public static readonly Guid MainRoom = Guid.NewGuid();
    public static readonly Guid RoomA = Guid.NewGuid();
    public static readonly Guid RoomB = Guid.NewGuid();
    public static readonly Guid NotesA = Guid.NewGuid();
    public static readonly Guid Plan = Guid.NewGuid();
    public static readonly Guid Ana = Guid.NewGuid();
    public static readonly Guid Ben = Guid.NewGuid();

    public static SessionBoard Live(Guid? id = null, long revision = 1, bool round = true, bool anaMuted = false) => new(
        id ?? Guid.NewGuid(), revision, Community, "Grade 4 Math PLC", "Tuning protocol", SessionStatus.Live,
        Now - Duration.FromMinutes(5), Now + Duration.FromMinutes(55),
        "Presenting", AgendaStatus.Running, Now + Duration.FromSeconds(270), null, round ? Now + Duration.FromMinutes(12) : null,
        2, 5, Plan,
        [
            new RoomRow(MainRoom, "Main room", RoomKind.Main, Plan, 0, 0, 0),
            .. round ? new[] { new RoomRow(RoomA, "Room 1", RoomKind.Breakout, NotesA, 1, 0, 1), new RoomRow(RoomB, "Room 2", RoomKind.Breakout, Guid.NewGuid(), 1, 1, 0) } : [],
        ],
        [
            new MemberRow(Ana, "Ana Ruiz", MemberRole.Member, RoomA, "Room 1", true, anaMuted, false),
            new MemberRow(Ben, "Ben Okafor", MemberRole.Member, RoomB, "Room 2", true, false, true),
        ],
        [new HelpRow(RoomA, "Room 1", 7, Ana, "Ana Ruiz", "Which rubric row?", Now - Duration.FromSeconds(90), HelpStatus.Open, null)]);

    public static SessionBoard Scheduled(Guid? id = null) => new(
        id ?? Guid.NewGuid(), 1, Community, "Grade 4 Math PLC", "Data dive", SessionStatus.Scheduled,
        Now + Duration.FromDays(2), Now + Duration.FromDays(2) + Duration.FromHours(1),
        null, AgendaStatus.NotStarted, null, null, null, 0, 5, Guid.NewGuid(), [], [], []);

    public static Board Board(params SessionBoard[] sessions) => new(
        new Moderator(true, "admin", []),
        [new CommunityRow(Community, "Grade 4 Math PLC", "America/Chicago", 5, 1, 1, 1)],
        sessions,
        new Pulse(Now, 3, 1, 1, 1, 3, 2, 4.5, 1, 0.8));
}
