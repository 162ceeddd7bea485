using CopLive.Grains.Ids;
using CopLive.Grains.Sessions;
using CopLive.Silo.Tests.Fixtures;

namespace CopLive.Silo.Tests.Practice;

/// <summary>An ended meeting stays findable by everyone who attended it, through the real member and session grains.</summary>
[Collection(SqliteCluster.Name)]
public sealed class PastMeetingsTests(SqliteClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task AnEndedMeeting_IsAmongThePastMeetingsOfThoseWhoCame_NotOfThoseWhoDidNot_NorOfSomeoneWhoLeftTheCommunity()
    {
        var (community, invites) = await Community.CreateAsync(Grains);
        var facilitator = await Community.JoinAsync(Grains, community, invites.Facilitator, "Facilitator");
        var came = await Community.JoinAsync(Grains, community, invites.Member, "Came");
        var away = await Community.JoinAsync(Grains, community, invites.Member, "Away");
        var left = await Community.JoinAsync(Grains, community, invites.Member, "Left later");
        var session = await Community.ScheduleAsync(Grains, fixture.Clock, community, facilitator, "Weekly PLC");
        await session.StartAsync(facilitator);
        await session.JoinAsync(came, "tab-1");
        await session.JoinAsync(left, "tab-2");

        var whileLive = await Grains.GetMember(came.Member).GetPastSessionsAsync(came);
        await session.EndAsync(facilitator, null);
        await Grains.GetCommunity(community).LeaveAsync(left);

        Assert.Empty(whileLive);
        var past = Assert.Single(await Grains.GetMember(came.Member).GetPastSessionsAsync(came));
        Assert.Equal((session.GetPrimaryKey(), SessionStatus.Ended, "Weekly PLC"), (past.Id.Value, past.Status, past.Title));
        Assert.Empty(await Grains.GetMember(away.Member).GetPastSessionsAsync(away));
        Assert.Empty(await Grains.GetMember(left.Member).GetPastSessionsAsync(left));
        await Assert.ThrowsAsync<CopLive.Grains.Errors.CopLiveException>(() => Grains.GetMember(came.Member).GetPastSessionsAsync(away));
    }
}
