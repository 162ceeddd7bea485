using CopLive.Protocol.Rooms;
using CopLive.Client.Admin;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Moderation;
using Microsoft.AspNetCore.SignalR;

namespace CopLive.Admin.Tui.Tests.ViewModels;

/// <summary>Records what the console asked the server for; refuses the next call when told to.</summary>
internal sealed class FakeBackend : IModerationActions, IAdminQueries
{
    public List<string> Calls { get; } = [];

    public string? RefuseNext { get; set; }

    public Func<Guid, WatchedDocument>? Documents { get; set; }

    public IReadOnlyList<AuditRow> Audit { get; set; } = [];

    public Task BroadcastAsync(Guid session, string text) => Record($"broadcast {session} {text}");

    public Task ExtendPhaseAsync(Guid session, int minutes) => Record($"extendPhase {session} {minutes}");

    public Task ExtendRoundAsync(Guid session, int minutes) => Record($"extendRound {session} {minutes}");

    public Task CloseRoundAsync(Guid session) => Record($"closeRound {session}");

    public Task MoveMemberAsync(Guid session, Guid member, Guid room) => Record($"move {session} {member} {room}");

    public Task MuteAsync(Guid session, Guid member, bool muted, string? reason) => Record($"mute {session} {member} {muted}");

    public Task RemoveAsync(Guid session, Guid member, string reason) => Record($"remove {session} {member} {reason}");

    public Task BanAsync(Guid community, Guid member, string reason) => Record($"ban {community} {member} {reason}");

    public async Task<bool> LockDocumentAsync(Guid document, bool locked, string? reason)
    {
        await Record($"lock {document} {locked}");
        return locked;
    }

    public Task ClaimHelpAsync(Guid room, long request) => Record($"claim {room} {request}");

    public Task ResolveHelpAsync(Guid room, long request) => Record($"resolve {room} {request}");

    public Task EndSessionAsync(Guid session, string reason) => Record($"end {session} {reason}");

    public async Task<WatchedDocument> WatchDocumentAsync(Guid document)
    {
        await Record($"watch {document}");
        return Documents!(document);
    }

    public Task UnwatchDocumentAsync(Guid document) => Record($"unwatch {document}");

    /// <summary>What looking into a room returns, by room id; set by a test that looks into rooms.</summary>
    public Func<Guid, RoomState>? Rooms { get; set; }

    public async Task<RoomState> WatchRoomAsync(Guid room)
    {
        await Record($"watch room {room}");
        return Rooms!(room);
    }

    public Task UnwatchRoomAsync(Guid room) => Record($"unwatch room {room}");

    public async Task<IReadOnlyList<Contributor>> GetContributorsAsync(Guid document)
    {
        await Record($"contributors {document}");
        return [new Contributor(Guid.NewGuid(), "Ana Ruiz", 42, 42, 0, 3)];
    }

    public async Task<IReadOnlyList<AuditRow>> GetAuditAsync(Guid? community, int limit)
    {
        await Record($"audit {community?.ToString() ?? "all"} {limit}");
        return Audit;
    }

    private Task Record(string call)
    {
        Calls.Add(call);
        if (RefuseNext is { } refusal)
        {
            RefuseNext = null;
            return Task.FromException(new HubException($"An unexpected error occurred invoking 'X' on the server. HubException: {refusal}"));
        }
        return Task.CompletedTask;
    }
}
