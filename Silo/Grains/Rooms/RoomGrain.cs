using System.Collections.Immutable;
using CopLive.Grains.Communities;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Rooms;
using CopLive.Grains.Security;
using CopLive.Silo.Access;
using CopLive.Silo.Domain;
using CopLive.Silo.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CopLive.Silo.Grains.Rooms;

/// <summary>A room of a session: chat, hands, help queue and its notes document's id.</summary>
[GrainType("coplive.room")]
public sealed class RoomGrain(
    [PersistentState("room", StorageNames.Default)] IPersistentState<RoomState> state,
    IClock clock,
    ILogger<RoomGrain> logger) : ObservedGrain<IRoomObserver>(logger), IRoomGrain, IRoomGrainInternal
{
    /// <summary>Chat messages kept per room; older ones drop off.</summary>
    public const int ChatHistory = 500;

    /// <summary>Sustained chat messages per second per member, and the burst allowed above it.</summary>
    public const double ChatPerSecond = 1;
    public const int ChatBurst = 10;

    /// <summary>Longest chat message.</summary>
    public const int ChatLength = 2_000;


    // Transient, per member: enough for lively chat, not for a flood.
    private readonly MemberRates _chatRates = new(ChatPerSecond, ChatBurst, "messages");
    private Gatekeeper? _gate;

    // Transient: which connections of facilitators are watching this room without being in it.
    private readonly Dictionary<string, RoomWatcher> _watchers = [];

    private RoomState State => state.State;
    private RoomSetup Setup => State.Setup ?? throw CopLiveException.NotFound("There is no such room.");
    private RoomId Id => new(this.GetPrimaryKey());

    private Gatekeeper Gate => _gate ??= Gatekeeper.OfCommunity(GrainFactory, () => Setup.Community);

    public async Task<RoomView> InitializeAsync(RoomSetup setup)
    {
        if (State.Setup is null)
        {
            // Members and mutes change over the room's life: they live in their own lists, not in the set-up.
            State.Setup = setup with { Members = [], Muted = [] };
            State.Members = [.. setup.Members];
            State.Muted = setup.Muted.IsDefault ? [] : [.. setup.Muted];
            await PersistAsync(state);
        }
        return View();
    }

    public async Task SetMembersAsync(ImmutableArray<MemberId> members)
    {
        _ = Setup;
        if (!State.Members.SequenceEqual(members))
        {
            State.Members = [.. members];
            State.Hands.RemoveAll(h => !members.Contains(h.Member));
            await CommitAsync();
        }
    }

    public async Task<RoomView> GetAsync(Caller caller)
    {
        await EnsureCanReadAsync(caller);
        return View();
    }

    public async Task<RoomView> WatchAsync(Caller caller, string connectionId, bool watching)
    {
        if (string.IsNullOrWhiteSpace(connectionId) || connectionId.Length > 128)
        {
            throw CopLiveException.Invalid("connectionId", "'connectionId' must be 1-128 characters.");
        }
        bool changed;
        if (watching)
        {
            var watcher = await EnsureCanReadAsync(caller);
            changed = Setup.Kind == RoomKind.Breakout && !State.Closed && !State.Members.Contains(caller.Member) && !caller.IsAdmin
                && _watchers.TryAdd(connectionId, new RoomWatcher(caller.Member, watcher?.DisplayName ?? "A facilitator"));
        }
        else
        {
            // Stopping touches only the caller's own connection, so it needs no right (one lost meanwhile included).
            _ = Setup;
            changed = _watchers.TryGetValue(connectionId, out var was) && was.Member == caller.Member && _watchers.Remove(connectionId);
        }
        if (changed)
        {
            await CommitAsync();
        }
        return View();
    }

    public async Task<RoomView> SendChatAsync(Caller caller, string text, Guid messageId)
    {
        var member = await EnsureParticipantAsync(caller, Right.Chat);
        if (State.Muted.Contains(member.Member))
        {
            throw CopLiveException.Forbidden("You are muted in this session: you can still read, raise your hand and ask for help.");
        }
        var message = Require.Text("text", text, ChatLength);
        if (messageId == Guid.Empty)
        {
            throw CopLiveException.Invalid("messageId", "messageId is required: a new id for each message, the same when sending it again.");
        }
        if (State.Chat.Exists(m => m.MessageId == messageId && m.Author == member.Member))
        {
            return View();
        }
        _chatRates.Take(member.Member, clock.GetCurrentInstant());
        Post(new ChatMessage(++State.NextId, member.Member, member.DisplayName, message, clock.GetCurrentInstant(), Broadcast: false, messageId));
        await CommitAsync();
        return View();
    }

    public async Task<RoomView> SetHandAsync(Caller caller, bool raised)
    {
        var member = await EnsureParticipantAsync(caller, Right.TakePart);
        var index = State.Hands.FindIndex(h => h.Member == member.Member);
        if (raised == index >= 0)
        {
            return View();
        }
        if (raised)
        {
            State.Hands.Add(new RaisedHand(member.Member, member.DisplayName, clock.GetCurrentInstant()));
        }
        else
        {
            State.Hands.RemoveAt(index);
        }
        await CommitAsync();
        return View();
    }

    public async Task<RoomView> AskForHelpAsync(Caller caller, string? note)
    {
        var member = await EnsureParticipantAsync(caller, Right.TakePart);
        var text = Require.OptionalText("note", note, ChatLength);
        if (State.Help.Any(h => h.Member == member.Member && h.Status != HelpStatus.Resolved))
        {
            throw new CopLiveException(CopLiveError.Conflict, "You already have a request for help waiting.");
        }
        State.Help.Add(new HelpRequest(++State.NextId, member.Member, member.DisplayName, text, clock.GetCurrentInstant(), HelpStatus.Open, null, null, null));
        await CommitAsync();
        return View();
    }

    public async Task<RoomView> ClaimHelpAsync(Caller caller, long requestId)
    {
        var facilitator = await Gate.RequireAsync(caller, Right.HandleHelp, new Attempt(AuditActions.HelpClaimed, null, Setup.Name));
        var (index, request) = FindHelp(requestId);
        if (request.Status != HelpStatus.Open)
        {
            throw new CopLiveException(CopLiveError.Conflict, request.Status == HelpStatus.Claimed
                ? $"{request.ClaimedByName} is already helping." : "This request is already resolved.");
        }
        State.Help[index] = request with { Status = HelpStatus.Claimed, ClaimedBy = facilitator?.Member, ClaimedByName = facilitator?.DisplayName ?? "admin" };
        await CommitAsync();
        await GrainFactory.GetCommunityInternal(Setup.Community).RecordAsync(caller, AuditActions.HelpClaimed, request.Member, Setup.Name, null, AuditOutcomes.Done);
        return View();
    }

    public async Task<RoomView> ResolveHelpAsync(Caller caller, long requestId)
    {
        var (index, request) = FindHelp(requestId);
        var own = !caller.IsAdmin && request.Member == caller.Member;
        _ = own
            ? await Gate.RequireMemberAsync(caller, Right.TakePart)
            : await Gate.RequireAsync(caller, Right.HandleHelp, new Attempt(AuditActions.HelpResolved, request.Member, Setup.Name));
        if (request.Status == HelpStatus.Resolved)
        {
            return View();
        }
        State.Help[index] = request with { Status = HelpStatus.Resolved, ResolvedAt = clock.GetCurrentInstant() };
        await CommitAsync();
        if (!own)
        {
            await GrainFactory.GetCommunityInternal(Setup.Community).RecordAsync(caller, AuditActions.HelpResolved, request.Member, Setup.Name, null, AuditOutcomes.Done);
        }
        return View();
    }

    public async Task BroadcastAsync(MemberId from, string fromName, string text)
    {
        if (State.Closed)
        {
            return;
        }
        Post(new ChatMessage(++State.NextId, from, fromName, text, clock.GetCurrentInstant(), Broadcast: true, Guid.NewGuid()));
        await CommitAsync();
    }

    public async Task ExcludeAsync(MemberId member)
    {
        if (State.Setup is not null && !State.Removed.Contains(member))
        {
            State.Removed.Add(member);
            State.Hands.RemoveAll(h => h.Member == member);
            await CommitAsync();
        }
    }

    public async Task SetMutedAsync(MemberId member, bool muted)
    {
        if (muted == State.Muted.Contains(member))
        {
            return;
        }
        if (muted)
        {
            State.Muted.Add(member);
        }
        else
        {
            State.Muted.Remove(member);
        }
        await CommitAsync();
    }

    public async Task CloseAsync()
    {
        if (State.Setup is null || State.Closed)
        {
            return;
        }
        var now = clock.GetCurrentInstant();
        State.Help = [.. State.Help.Select(h => h.Status == HelpStatus.Resolved ? h : h with { Status = HelpStatus.Resolved, ResolvedAt = now })];
        State.Hands.Clear();
        State.Closed = true;
        await CommitAsync();
    }

    private void Post(ChatMessage message)
    {
        State.Chat.Add(message);
        if (State.Chat.Count > ChatHistory)
        {
            State.Chat.RemoveRange(0, State.Chat.Count - ChatHistory);
        }
    }

    private (int Index, HelpRequest Request) FindHelp(long requestId)
    {
        var index = State.Help.FindIndex(h => h.Id == requestId);
        return index >= 0
            ? (index, State.Help[index])
            : throw CopLiveException.NotFound($"There is no help request {requestId} in this room.");
    }

    private async Task CommitAsync()
    {
        State.Seq++;
        await PersistAsync(state);
        var view = View();
        await Observers.Notify(o => o.RoomChanged(view));
    }

    private RoomView View() => new(
        Id, Setup.Session, State.Seq, Setup.Name, Setup.Kind, Setup.Notes,
        [.. State.Members], [.. State.Chat], [.. State.Hands], [.. State.Help], State.Closed,
        // Someone who has since joined the room is no longer just watching it.
        [.. _watchers.Values.Where(w => !State.Members.Contains(w.Member)).DistinctBy(w => w.Member)]);

    /// <summary>Reading: the room's members, anyone in the community for the main room or a closed room, facilitators always.</summary>
    private async Task<CommunityMember?> EnsureCanReadAsync(Caller caller)
    {
        _ = Setup;
        var member = await Gate.RequireAsync(caller, Right.ReadRoom);
        if (member is not null && !IsOpenTo(member.Member))
        {
            Gatekeeper.Require(member, Right.LookIntoRooms);
        }
        return member;
    }

    /// <summary>Taking part (chat, hands, help): the room's members, or anyone in the session for the main room; not after it closed.</summary>
    private async Task<CommunityMember> EnsureParticipantAsync(Caller caller, Right right)
    {
        _ = Setup;
        if (State.Closed)
        {
            throw new CopLiveException(CopLiveError.Conflict, "This room is closed; its chat and notes stay readable.");
        }
        var member = await Gate.RequireMemberAsync(caller, right);
        if (State.Removed.Contains(member.Member))
        {
            throw CopLiveException.Forbidden("A facilitator removed you from this session.");
        }
        if (!IsOpenTo(member.Member))
        {
            Gatekeeper.Require(member, Right.LookIntoRooms);
        }
        return member;
    }

    /// <summary>Whether a member may come in without looking into rooms: the main room, a closed room, or their own.</summary>
    private bool IsOpenTo(MemberId member) => Setup.Kind == RoomKind.Main || State.Closed || State.Members.Contains(member);
}
