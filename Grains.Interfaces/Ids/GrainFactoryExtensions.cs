using CopLive.Grains.Communities;
using CopLive.Grains.Directory;
using CopLive.Grains.Documents;
using CopLive.Grains.Invites;
using CopLive.Grains.Members;
using CopLive.Grains.Rooms;
using CopLive.Grains.Sessions;

namespace CopLive.Grains.Ids;

/// <summary>Typed access to CopLive grains, so a member id can never address a session grain.</summary>
public static class GrainFactoryExtensions
{
    /// <summary>The grain of a community.</summary>
    public static ICommunityGrain GetCommunity(this IGrainFactory grains, CommunityId id) =>
        grains.GetGrain<ICommunityGrain>(id.Value);

    /// <summary>The grain of a member.</summary>
    public static IMemberGrain GetMember(this IGrainFactory grains, MemberId id) =>
        grains.GetGrain<IMemberGrain>(id.Value);

    /// <summary>The grain of a session.</summary>
    public static ISessionGrain GetSession(this IGrainFactory grains, SessionId id) =>
        grains.GetGrain<ISessionGrain>(id.Value);

    /// <summary>The grain of a room.</summary>
    public static IRoomGrain GetRoom(this IGrainFactory grains, RoomId id) =>
        grains.GetGrain<IRoomGrain>(id.Value);

    /// <summary>The grain of a document.</summary>
    public static IDocumentGrain GetDocument(this IGrainFactory grains, DocumentId id) =>
        grains.GetGrain<IDocumentGrain>(id.Value);

    /// <summary>The directory entry of an invite code (keyed by the code's hash, never the code itself).</summary>
    public static IInviteGrain GetInvite(this IGrainFactory grains, InviteCode code) =>
        grains.GetGrain<IInviteGrain>(code.Hash);

    /// <summary>The server's directory of communities and sessions (one activation).</summary>
    public static IDirectoryGrain GetDirectory(this IGrainFactory grains) =>
        grains.GetGrain<IDirectoryGrain>(0);
}
