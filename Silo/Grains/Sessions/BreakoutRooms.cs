using System.Collections.Immutable;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Rooms;
using CopLive.Grains.Sessions;
using CopLive.Silo.Domain;
using CopLive.Silo.Domain.Sessions;
using NodaTime;

namespace CopLive.Silo.Grains.Sessions;

/// <summary>
/// A session's breakout round as grains: it creates the rooms with their notes, tells each room who is in it, and
/// closes the round by merging each room's notes into the lesson plan (once: each section is keyed by round and
/// room) before closing the rooms.
/// </summary>
internal sealed class BreakoutRooms(IGrainFactory grains, SessionId session, SessionPlan plan)
{
    /// <summary>
    /// Creates the rooms and their notes (starting with <paramref name="seed"/>), and places the members; the round is
    /// the session's to store.
    /// </summary>
    public async Task<BreakoutRoundState> OpenAsync(
        BreakoutPlan breakout, BreakoutMode mode, MemberId openedBy, Instant now, Instant deadline, ImmutableArray<MemberId> muted, string seed = "", int? phase = null)
    {
        var round = new BreakoutRoundState { Id = Guid.NewGuid(), Mode = mode, Deadline = deadline, Phase = phase };
        // Rooms and their notes start knowing who is muted in this session.
        var notes = await Task.WhenAll(breakout.Names.Select(name => grains.GetDocumentInternal(DocumentId.New()).InitializeAsync(
            new DocumentSetup(plan.Community, $"{plan.Title}: {name} notes", seed, openedBy, now, session, muted))));
        round.Rooms.AddRange(breakout.Names.Zip(notes, (name, n) => new BreakoutRoomState { Room = RoomId.New(), Name = name, Notes = n.Id, Seed = seed }));
        await grains.GetCommunityInternal(plan.Community).DocumentsCreatedAsync([.. notes.Select(n => new DocumentSummary(n.Id, n.Title, now, [], session))]);

        foreach (var (member, index) in breakout.Placement)
        {
            round.Assignments[member.Value] = round.Rooms[index].Room;
        }
        await Task.WhenAll(round.Rooms.Select(room => grains.GetRoomInternal(room.Room).InitializeAsync(new RoomSetup(
            session, plan.Community, room.Name, RoomKind.Breakout, room.Notes, MembersOf(round, room.Room), muted))));
        return round;
    }

    /// <summary>Puts a member in a room (out of the one they were in); atomic from the rooms' point of view.</summary>
    public async Task AssignAsync(BreakoutRoundState round, MemberId member, RoomId room)
    {
        var previous = round.Assignments.TryGetValue(member.Value, out var was) ? was : (RoomId?)null;
        if (previous == room)
        {
            return;
        }
        round.Assignments[member.Value] = room;
        await grains.GetRoomInternal(room).SetMembersAsync(MembersOf(round, room));
        if (previous is { } old)
        {
            await grains.GetRoomInternal(old).SetMembersAsync(MembersOf(round, old));
        }
    }

    /// <summary>Puts someone arriving late in an automatic round in the smallest room.</summary>
    public Task AssignLateJoinerAsync(BreakoutRoundState round, MemberId member)
    {
        var sizes = round.Rooms.Select(r => round.Assignments.Values.Count(a => a == r.Room)).ToList();
        return AssignAsync(round, member, round.Rooms[BreakoutAssignment.Smallest(sizes)].Room);
    }

    /// <summary>Takes a member out of the round (removed from the session).</summary>
    public async Task UnassignAsync(BreakoutRoundState round, MemberId member)
    {
        if (round.Assignments.Remove(member.Value, out var room))
        {
            await grains.GetRoomInternal(room).SetMembersAsync(MembersOf(round, room));
        }
    }

    /// <summary>Merges each room's notes into the lesson plan, with their authors, and closes the rooms.</summary>
    public async Task MergeAndCloseAsync(BreakoutRoundState round, IReadOnlyDictionary<MemberId, string> names)
    {
        var lessonPlan = grains.GetDocumentInternal(plan.MainDocument);
        for (var i = 0; i < round.Rooms.Count; i++)
        {
            var room = round.Rooms[i];
            var notes = PhaseNotes.Written(await grains.GetDocumentInternal(room.Notes).GetTextWithAuthorsAsync(), room.Seed);
            if (!string.IsNullOrWhiteSpace(notes.Text))
            {
                var (text, authors) = NotesSection.Build(room.Name, notes, names);
                await lessonPlan.AppendSectionAsync($"{round.Id:N}:{i}", text, authors);
            }
            await grains.GetRoomInternal(room.Room).CloseAsync();
        }
    }

    /// <summary>The members in <paramref name="room"/>.</summary>
    public static ImmutableArray<MemberId> MembersOf(BreakoutRoundState round, RoomId room) =>
        [.. round.Assignments.Where(a => a.Value == room).Select(a => new MemberId(a.Key))];

    /// <summary>The room of the round, or a refusal naming <paramref name="field"/>.</summary>
    public static BreakoutRoomState RoomOf(BreakoutRoundState round, RoomId room, string field) =>
        round.Rooms.Find(r => r.Room == room) ?? throw CopLiveException.Invalid(field, "That room is not part of the open round.");

    /// <summary>The round as everyone sees it.</summary>
    public static BreakoutView View(BreakoutRoundState round) => new(round.Id, round.Mode, round.Deadline,
        [.. round.Rooms.Select(r => new BreakoutRoom(r.Room, r.Name, r.Notes, MembersOf(round, r.Room)))], round.Closing, round.Phase);
}
