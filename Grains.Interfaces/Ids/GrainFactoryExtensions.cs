using CopLive.Grains.Communities;
using CopLive.Grains.Directory;
using CopLive.Grains.Documents;
using CopLive.Grains.Invites;
using CopLive.Grains.Members;
using CopLive.Grains.Practice;
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

    /// <summary>The grain of a recurring meeting.</summary>
    public static ISeriesGrain GetSeries(this IGrainFactory grains, SeriesId id) =>
        grains.GetGrain<ISeriesGrain>(id.Value);

    /// <summary>The grain of a session.</summary>
    public static ISessionGrain GetSession(this IGrainFactory grains, SessionId id) =>
        grains.GetGrain<ISessionGrain>(id.Value);

    /// <summary>The grain of a room.</summary>
    public static IRoomGrain GetRoom(this IGrainFactory grains, RoomId id) =>
        grains.GetGrain<IRoomGrain>(id.Value);

    /// <summary>The grain of a document (asked for on every op, so without Orleans' per-call type lookup).</summary>
    public static IDocumentGrain GetDocument(this IGrainFactory grains, DocumentId id) =>
        GuidKeyed<IDocumentGrain>.Get(grains, id.Value);

    /// <summary>The directory entry of an invite code (keyed by the code's hash, never the code itself).</summary>
    public static IInviteGrain GetInvite(this IGrainFactory grains, InviteCode code) =>
        grains.GetGrain<IInviteGrain>(code.Hash);

    /// <summary>The server's directory of communities and sessions (one activation).</summary>
    public static IDirectoryGrain GetDirectory(this IGrainFactory grains) =>
        grains.GetGrain<IDirectoryGrain>(0);

    /// <summary>
    /// References to grains of one interface. <c>GetGrain&lt;T&gt;(key)</c> resolves the interface's Orleans type by
    /// reading its attributes through reflection on every call (a few percent of the server's CPU when done per op);
    /// the grain and interface types never change in a process, so they are learned from the first reference.
    /// </summary>
    private static class GuidKeyed<T> where T : IGrainWithGuidKey
    {
        // A reference, so threads see it whole or not at all.
        private static Types? s_types;

        public static T Get(IGrainFactory grains, Guid key)
        {
            if (s_types is not { } types)
            {
                var first = grains.GetGrain<T>(key);
                var reference = (GrainReference)(object)first;
                s_types = new Types(reference.GrainId.Type, reference.InterfaceType);
                return first;
            }
            return (T)grains.GetGrain(GrainId.Create(types.Grain, GrainIdKeyExtensions.CreateGuidKey(key)), types.Interface);
        }

        private sealed record Types(GrainType Grain, GrainInterfaceType Interface);
    }
}
