using CopLive.Client.Admin;
using CopLive.Protocol.Moderation;
using CopLive.Protocol.Rooms;
using CopLive.Protocol.Sessions;

namespace CopLive.Admin.Tui.ViewModels;

/// <summary>Which keys act on which screen, and how much each asks before it is sent (see <see cref="Risk"/>).</summary>
public static class ActionCatalog
{
    private const int Step = 5;

    private static readonly ActionKey Broadcast = new('b', "broadcast a message to every room", c =>
        LiveSession(c) is { } s ? new ModerationAction($"Broadcast to every room of {s.Title}", Risk.None, ActionInput.Message, (a, text) => a.BroadcastAsync(s.SessionId, text)) : NoSession);

    private static readonly ActionKey ExtendPhase = new('+', $"give the current phase {Step} more minutes", c =>
        LiveSession(c) is { } s ? ModerationAction.Confirmed($"Extend {s.Phase ?? "the phase"} by {Step} minutes", a => a.ExtendPhaseAsync(s.SessionId, Step)) : NoSession);

    private static readonly ActionKey ShortenPhase = new('-', $"take {Step} minutes off the current phase", c =>
        LiveSession(c) is { } s ? ModerationAction.Confirmed($"Shorten {s.Phase ?? "the phase"} by {Step} minutes", a => a.ExtendPhaseAsync(s.SessionId, -Step)) : NoSession);

    private static readonly ActionKey ExtendRound = new('>', $"give the breakout round {Step} more minutes", c =>
        Round(c) is { } s ? ModerationAction.Confirmed($"Extend the breakout round of {s.Title} by {Step} minutes", a => a.ExtendRoundAsync(s.SessionId, Step)) : NoRound(c));

    private static readonly ActionKey ShortenRound = new('<', $"take {Step} minutes off the breakout round", c =>
        Round(c) is { } s ? ModerationAction.Confirmed($"Shorten the breakout round of {s.Title} by {Step} minutes", a => a.ExtendRoundAsync(s.SessionId, -Step)) : NoRound(c));

    private static readonly ActionKey CloseRound = new('c', "close the breakout round (notes merge into the plan)", c =>
        Round(c) is { } s ? ModerationAction.Confirmed($"Close the breakout round of {s.Title}", a => a.CloseRoundAsync(s.SessionId)) : NoRound(c));

    private static readonly ActionKey EndSession = new('E', "end the session (reason required)", c =>
        LiveSession(c) is { } s ? ModerationAction.WithReason($"End {s.Title}", (a, reason) => a.EndSessionAsync(s.SessionId, reason)) : NoSession);

    private static readonly ActionKey Mute = new('m', "mute or unmute the selected member", c => OnMember(c, (s, m) =>
        ModerationAction.Confirmed($"{(m.Muted ? "Unmute" : "Mute")} {m.Name}", a => a.MuteAsync(s.SessionId, m.MemberId, !m.Muted, null))));

    private static readonly ActionKey Move = new('v', "move the selected member to another room", c => OnMember(c, (s, m) =>
        s.Rooms.Count(r => r.Kind == RoomKind.Breakout) == 0
            ? "There is no breakout round to move members between."
            : new ModerationAction($"Move {m.Name}", Risk.YesNo, ActionInput.Room,
                (a, room) => a.MoveMemberAsync(s.SessionId, m.MemberId, Guid.Parse(room)),
                [.. s.Rooms.Where(r => r.Kind == RoomKind.Breakout && r.RoomId != m.RoomId)])));

    private static readonly ActionKey Remove = new('x', "remove the selected member from the session (reason required)", c => OnMember(c, (s, m) =>
        ModerationAction.WithReason($"Remove {m.Name} from {s.Title}", (a, reason) => a.RemoveAsync(s.SessionId, m.MemberId, reason))));

    private static readonly ActionKey Ban = new('B', "ban the selected member from the community (reason required)", c => OnMember(c, (s, m) =>
        ModerationAction.WithReason($"Ban {m.Name} from {s.Community}", (a, reason) => a.BanAsync(s.CommunityId, m.MemberId, reason))));

    private static readonly ActionKey LockDocument = new('L', "lock or unlock this document", c =>
        c.Document is { } d
            ? ModerationAction.Confirmed($"{(d.Locked ? "Unlock" : "Lock")} {d.Title}", async a => d.Locked = await a.LockDocumentAsync(d.DocumentId, !d.Locked, null))
            : "No document is open.");

    private static readonly ActionKey Claim = new('c', "claim the selected help request", c =>
        c.Selected is { } row ? ModerationAction.Immediate($"Claim the help request of {row.Cells[3]}", a => a.ClaimHelpAsync(row.Key, row.Number)) : "Select a request first.");

    private static readonly ActionKey Resolve = new('r', "mark the selected help request resolved", c =>
        c.Selected is { } row ? ModerationAction.Immediate($"Resolve the help request of {row.Cells[3]}", a => a.ResolveHelpAsync(row.Key, row.Number)) : "Select a request first.");

    private static readonly IReadOnlyList<ActionKey> SessionKeys = [Broadcast, ExtendPhase, ShortenPhase, ExtendRound, ShortenRound, CloseRound, EndSession];

    /// <summary>The action keys of a screen.</summary>
    public static IReadOnlyList<ActionKey> For(Screen screen) => screen switch
    {
        Screen.Sessions => SessionKeys,
        Screen.Rooms => SessionKeys,
        Screen.Members => [.. SessionKeys, Mute, Move, Remove, Ban],
        Screen.Document => [LockDocument],
        Screen.Help => [Claim, Resolve],
        _ => [],
    };

    private const string NoSession = "Select a live session first.";

    private static string NoRound(ActionContext c) => LiveSession(c) is null ? NoSession : "No breakout round is open.";

    private static SessionBoard? LiveSession(ActionContext c) => c.Session is { Status: SessionStatus.Live } s ? s : null;

    private static SessionBoard? Round(ActionContext c) => LiveSession(c) is { RoundDeadline: not null } s ? s : null;

    /// <summary>An action on the member selected on the Members screen of a live session.</summary>
    private static ActionOffer OnMember(ActionContext c, Func<SessionBoard, MemberRow, ActionOffer> make) =>
        c.Route.Screen == Screen.Members && LiveSession(c) is { } s && c.Selected is { } row
            && s.Members.FirstOrDefault(m => m.MemberId == row.Key) is { } member
            ? make(s, member)
            : "Select a member first.";
}
