using CopLive.Grains.Communities;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Practice;
using CopLive.Grains.Rooms;
using CopLive.Grains.Sessions;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Errors;
using CopLive.Protocol.Rooms;
using CopLive.Protocol.Sessions;
using AgendaStatus = CopLive.Protocol.Sessions.AgendaStatus;
using BreakoutMode = CopLive.Protocol.Sessions.BreakoutMode;
using GrainAgendaStatus = CopLive.Grains.Sessions.AgendaStatus;
using GrainBreakoutMode = CopLive.Grains.Sessions.BreakoutMode;
using GrainHelpStatus = CopLive.Grains.Rooms.HelpStatus;
using GrainRoomKind = CopLive.Grains.Rooms.RoomKind;
using GrainSessionStatus = CopLive.Grains.Sessions.SessionStatus;
using HelpStatus = CopLive.Protocol.Rooms.HelpStatus;
using RoomKind = CopLive.Protocol.Rooms.RoomKind;
using RoomState = CopLive.Protocol.Rooms.RoomState;
using SessionState = CopLive.Protocol.Sessions.SessionState;
using SessionStatus = CopLive.Protocol.Sessions.SessionStatus;

using NodaTime.Text;

namespace CopLive.Gateway.Wire;

/// <summary>From what the grains return to the protocol's wire records (CopLive.Protocol), in one place.</summary>
internal static class WireMapping
{
    public static RemoteOp ToWire(this CommittedOp op) => new(op.Version, op.Op, op.Author.Value, op.ClientId, op.Seq);

    public static RemoteCursor ToWire(this DocumentCursor c) => new(c.Member.Value, c.DisplayName, c.ClientId, c.Anchor, c.Head);

    public static SessionState ToWire(this SessionLive s) => new(
        s.Session.Value, s.Seq, s.Title, s.Status.ToWire(), s.StartedAt, s.EndedAt,
        [.. s.Agenda.Select(ToWire)],
        s.Progress.Phase, s.Progress.Status.ToWire(), s.Progress.Deadline, s.Progress.Remaining?.TotalSeconds,
        [.. s.Present.Select(p => new SessionParticipant(p.Member.Value, p.DisplayName, p.Role.ToWire()))],
        s.MainDocument.Value,
        s.MainRoom.Value,
        s.Breakout is { } b
            ? new BreakoutState(b.Round, b.Mode.ToWire(), b.Deadline, b.Closing,
                [.. b.Rooms.Select(r => new BreakoutRoomState(r.Room.Value, r.Name, r.Notes.Value, [.. r.Members.Select(m => m.Value)]))], b.Phase)
            : null,
        s.RoundsClosed,
        s.Muted.IsDefault ? [] : [.. s.Muted.Select(m => m.Value)],
        s.Recorder?.Value,
        s.Decisions.IsDefault ? [] : [.. s.Decisions.Select(d => new DecisionEntry(d.Id, d.Text, d.By.Value, d.ByName, d.At, d.Phase))],
        s.ActionItems.IsDefault ? [] : [.. s.ActionItems.Select(a => a.ToWire(s.Session))]);

    public static ActionItemEntry ToWire(this ActionItem a, SessionId session) => new(
        a.Id, a.Text, a.Owner?.Value, a.OwnerName, a.Due is { } due ? LocalDatePattern.Iso.Format(due) : null, a.Done, a.CreatedAt, a.From != session);

    public static AgendaPhase ToWire(this AgendaItem a) => new(
        a.Title, a.Minutes, a.SpeakingRule, a.Prompt, a.Breakout is { } b ? new Protocol.Sessions.PhaseBreakout(b.Rooms, b.Mode.ToWire()) : null);

    public static RoomState ToWire(this RoomView r) => new(
        r.Id.Value, r.Session.Value, r.Seq, r.Name, r.Kind.ToWire(), r.Notes.Value, [.. r.Members.Select(m => m.Value)],
        [.. r.Chat.Select(c => new RoomChatMessage(c.Id, c.Author.Value, c.AuthorName, c.Text, c.At, c.Broadcast))],
        [.. r.Hands.Select(h => new RoomHand(h.Member.Value, h.Name, h.At))],
        [.. r.Help.Select(h => new RoomHelpRequest(h.Id, h.Member.Value, h.Name, h.Note, h.At, h.Status.ToWire(), h.ClaimedBy?.Value, h.ClaimedByName, h.ResolvedAt))],
        r.Closed,
        r.Watchers.IsDefault ? [] : [.. r.Watchers.Select(w => new RoomWatcherEntry(w.Member.Value, w.Name))]);

    public static SessionStatus ToWire(this GrainSessionStatus value) => WireEnum<GrainSessionStatus, SessionStatus>.Convert(value);

    public static AgendaStatus ToWire(this GrainAgendaStatus value) => WireEnum<GrainAgendaStatus, AgendaStatus>.Convert(value);

    public static BreakoutMode ToWire(this GrainBreakoutMode value) => WireEnum<GrainBreakoutMode, BreakoutMode>.Convert(value);

    public static MemberRole ToWire(this CommunityRole value) => WireEnum<CommunityRole, MemberRole>.Convert(value);

    public static RoomKind ToWire(this GrainRoomKind value) => WireEnum<GrainRoomKind, RoomKind>.Convert(value);

    public static HelpStatus ToWire(this GrainHelpStatus value) => WireEnum<GrainHelpStatus, HelpStatus>.Convert(value);

    public static RefusalCode ToWire(this CopLiveError value) => WireEnum<CopLiveError, RefusalCode>.Convert(value);

    public static GrainBreakoutMode ToGrain(this BreakoutMode value) => WireEnum<BreakoutMode, GrainBreakoutMode>.Convert(value);
}
