using CopLive.Grains.Ids;
using CopLive.Grains.Invites;
using CopLive.Silo.Grains.Communities;
using CopLive.Silo.Grains.Directory;
using CopLive.Silo.Grains.Documents;
using CopLive.Silo.Grains.Invites;
using CopLive.Silo.Grains.Members;
using CopLive.Silo.Grains.Rooms;
using CopLive.Silo.Grains.Practice;
using CopLive.Silo.Grains.Sessions;

namespace CopLive.Silo.Grains;

/// <summary>Typed access to the grain-to-grain side of CopLive's grains, for grains only.</summary>
internal static class InternalGrains
{
    public static ICommunityGrainInternal GetCommunityInternal(this IGrainFactory grains, CommunityId id) =>
        grains.GetGrain<ICommunityGrainInternal>(id.Value);

    public static IMemberGrainInternal GetMemberInternal(this IGrainFactory grains, MemberId id) =>
        grains.GetGrain<IMemberGrainInternal>(id.Value);

    public static ISeriesGrainInternal GetSeriesInternal(this IGrainFactory grains, SeriesId id) =>
        grains.GetGrain<ISeriesGrainInternal>(id.Value);

    public static ISessionGrainInternal GetSessionInternal(this IGrainFactory grains, SessionId id) =>
        grains.GetGrain<ISessionGrainInternal>(id.Value);

    public static IRoomGrainInternal GetRoomInternal(this IGrainFactory grains, RoomId id) =>
        grains.GetGrain<IRoomGrainInternal>(id.Value);

    public static IDocumentGrainInternal GetDocumentInternal(this IGrainFactory grains, DocumentId id) =>
        grains.GetGrain<IDocumentGrainInternal>(id.Value);

    public static IInviteGrainInternal GetInviteInternal(this IGrainFactory grains, InviteCode code) =>
        grains.GetGrain<IInviteGrainInternal>(code.Hash);

    public static IDirectoryGrainInternal GetDirectoryInternal(this IGrainFactory grains) =>
        grains.GetGrain<IDirectoryGrainInternal>(0);
}
