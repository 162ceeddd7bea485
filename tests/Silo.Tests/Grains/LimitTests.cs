using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Invites;
using CopLive.Grains.Communities;
using CopLive.Grains.Documents;
using CopLive.Grains.Sessions;
using CopLive.Silo.Grains.Communities;
using CopLive.Silo.Grains.Rooms;
using CopLive.Silo.Tests.Fixtures;
using NodaTime;

namespace CopLive.Silo.Tests.Grains;

/// <summary>Per-member limits and invite expiry.</summary>
[Collection(SqliteCluster.Name)]
public sealed class LimitTests(SqliteClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task ChatFlood_IsRateLimitedPerMember_WithWhenToRetry()
    {
        var (community, invites) = await Community.CreateAsync(Grains);
        var facilitator = await Community.JoinAsync(Grains, community, invites.Facilitator, "Facilitator");
        var flooder = await Community.JoinAsync(Grains, community, invites.Member, "Flooder");
        var calm = await Community.JoinAsync(Grains, community, invites.Member, "Calm");
        var session = await Community.ScheduleAsync(Grains, fixture.Clock, community, facilitator);
        var live = await session.StartAsync(facilitator);
        var room = Grains.GetRoom(live.MainRoom);

        for (var i = 0; i < RoomGrain.ChatBurst; i++)
        {
            await room.SendChatAsync(flooder, $"message {i}", Guid.NewGuid());
        }
        var limited = await Assert.ThrowsAsync<CopLiveException>(() => room.SendChatAsync(flooder, "one more", Guid.NewGuid()));
        await room.SendChatAsync(calm, "still fine", Guid.NewGuid());
        fixture.Clock.Advance(Duration.FromSeconds(2));
        await room.SendChatAsync(flooder, "after a pause", Guid.NewGuid());

        Assert.Equal(CopLiveError.RateLimited, limited.Code);
        Assert.Contains("retry after", limited.Message);
    }

    [Fact]
    public async Task InviteCodes_Expire()
    {
        var (community, invites) = await Community.CreateAsync(Grains);

        fixture.Clock.Advance(InviteBook.Lifetime + Duration.FromMinutes(1));
        try
        {
            var expired = await Assert.ThrowsAsync<CopLiveException>(() => Community.JoinAsync(Grains, community, invites.Member, "Late"));
            var fresh = await Grains.GetCommunity(community).RotateInviteAsync(CopLive.Grains.Security.Caller.Admin, CommunityRole.Member);
            var joined = await Community.JoinAsync(Grains, community, fresh, "On time");

            Assert.Contains("expired", expired.Message);
            Assert.Equal("inviteCode", expired.Field);
            Assert.NotEqual(default, joined.Member);
        }
        finally
        {
            fixture.Clock.Reset(fixture.Clock.GetCurrentInstant() - InviteBook.Lifetime - Duration.FromMinutes(1));
        }
    }
}
