using CopLive.Gateway.Wire;
using CopLive.Grains.Communities;
using CopLive.Grains.Ids;
using CopLive.Grains.Rooms;
using CopLive.Grains.Sessions;
using CopLive.Protocol.Moderation;

namespace CopLive.Gateway.Moderation;

/// <summary>Turns what the grains report about a session (its summary, live state and rooms) into the console's view of it.</summary>
internal static class SessionBoardBuilder
{
    public static SessionBoard Build(
        long revision, SessionSummary summary, CommunityFacts? community, SessionLive? live, Func<RoomId, RoomView?> room)
    {
        var communityName = community?.Name ?? "";
        var expected = community?.Members.Count ?? 0;
        if (live is null || summary.Status != SessionStatus.Live)
        {
            return new SessionBoard(
                summary.Id.Value, revision, summary.Community.Value, communityName, summary.Title, summary.Status.ToWire(), summary.Start, summary.End,
                null, Protocol.Sessions.AgendaStatus.NotStarted, null, null, null, 0, expected, live?.MainDocument.Value ?? Guid.Empty, [], [], []);
        }

        var progress = live.Progress;
        var phase = progress.Phase >= 0 && progress.Phase < live.Agenda.Length ? live.Agenda[progress.Phase].Title : null;
        var rooms = RoomsOf(live).Select(r => (Id: r.Id, Name: r.Name, Kind: r.Kind, Notes: r.Notes, View: room(r.Id))).ToList();
        var roomOf = new Dictionary<MemberId, (RoomId Id, string Name)>();
        foreach (var r in live.Breakout?.Rooms ?? [])
        {
            foreach (var m in r.Members)
            {
                roomOf[m] = (r.Room, r.Name);
            }
        }
        var hands = rooms.SelectMany(r => r.View?.Hands ?? []).Select(h => h.Member).ToHashSet();
        var muted = live.Muted.IsDefault ? [] : live.Muted.ToHashSet();
        var present = live.Present.ToDictionary(p => p.Member);

        var members = present.Values
            .Select(p => (p.Member, p.DisplayName, p.Role))
            .Concat(roomOf.Keys.Where(m => !present.ContainsKey(m)).Select(m => (
                Member: m,
                DisplayName: community?.Members.GetValueOrDefault(m)?.DisplayName ?? "(left)",
                Role: community?.Members.GetValueOrDefault(m)?.Role ?? CommunityRole.Member)))
            .Select(m =>
            {
                var (roomId, roomName) = roomOf.TryGetValue(m.Member, out var r) ? r : (live.MainRoom, "Main room");
                return new MemberRow(m.Member.Value, m.DisplayName, m.Role.ToWire(), roomId.Value, roomName,
                    present.ContainsKey(m.Member), muted.Contains(m.Member), hands.Contains(m.Member));
            })
            .OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();

        var help = rooms
            .SelectMany(r => (r.View?.Help ?? []).Where(h => h.Status != HelpStatus.Resolved).Select(h => new HelpRow(
                r.Id.Value, r.Name, h.Id, h.Member.Value, h.Name, h.Note, h.At, h.Status.ToWire(), h.ClaimedByName)))
            .OrderBy(h => h.At)
            .ToList();

        return new SessionBoard(
            summary.Id.Value, revision, summary.Community.Value, communityName, live.Title, live.Status.ToWire(), summary.Start, summary.End,
            phase, progress.Status.ToWire(), progress.Deadline, progress.Remaining?.TotalSeconds, live.Breakout?.Deadline,
            present.Count, expected, live.MainDocument.Value,
            [.. rooms.Select(r => new RoomRow(r.Id.Value, r.Name, r.Kind.ToWire(), r.Notes.Value,
                r.Kind == RoomKind.Main ? members.Count(m => m.RoomId == r.Id.Value && m.Online) : r.View?.Members.Length ?? 0,
                r.View?.Hands.Length ?? 0,
                r.View?.Help.Count(h => h.Status == HelpStatus.Open) ?? 0))],
            members,
            help);
    }

    /// <summary>The rooms a live session has now: its main room, then the open round's rooms.</summary>
    public static IEnumerable<(RoomId Id, string Name, RoomKind Kind, DocumentId Notes)> RoomsOf(SessionLive live)
    {
        if (live.MainRoom != default)
        {
            yield return (live.MainRoom, "Main room", RoomKind.Main, live.MainDocument);
        }
        foreach (var r in live.Breakout?.Rooms ?? [])
        {
            yield return (r.Room, r.Name, RoomKind.Breakout, r.Notes);
        }
    }
}
