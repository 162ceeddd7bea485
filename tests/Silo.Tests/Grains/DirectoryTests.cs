using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using CopLive.Silo.Grains.Directory;
using CopLive.Silo.Tests.Fixtures;
using NodaTime;

namespace CopLive.Silo.Tests.Grains;

/// <summary>The server's directory that the moderators' console lists: what it holds, and for how long.</summary>
public abstract class DirectoryTests<TFixture>(TFixture fixture) where TFixture : ClusterFixture
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task CommunitiesAndTheirSessions_AreListed_WithTheirStatus_AndSurviveReactivation()
    {
        var (community, invites) = await Community.CreateAsync(Grains, "Directory PLC");
        var facilitator = await Community.JoinAsync(Grains, community, invites.Facilitator, "Ms. Rivera");
        var session = await Community.ScheduleAsync(Grains, fixture.Clock, community, facilitator, "Listed session");
        var id = (await session.GetAsync(facilitator)).Summary.Id;

        await session.StartAsync(facilitator);
        await fixture.DeactivateAllAsync();
        var directory = await Grains.GetDirectory().GetAsync();

        Assert.Contains(directory.Communities, c => c.Id == community && c.Name == "Directory PLC");
        var listed = Assert.Single(directory.Sessions, s => s.Id == id);
        Assert.Equal(SessionStatus.Live, listed.Status);
        Assert.Equal(community, listed.Community);
        Assert.Equal(directory.Sessions.OrderBy(s => s.Start).Select(s => s.Id), directory.Sessions.Select(s => s.Id));
    }

    [Fact]
    public async Task AnEndedSession_StaysListedForADayAfterItsScheduledEnd_ThenDropsOut()
    {
        var (community, invites) = await Community.CreateAsync(Grains, "Pruning PLC");
        var facilitator = await Community.JoinAsync(Grains, community, invites.Facilitator, "Ms. Rivera");
        var session = await Community.ScheduleAsync(Grains, fixture.Clock, community, facilitator, "Short meeting");
        var summary = (await session.GetAsync(facilitator)).Summary;
        await session.StartAsync(facilitator);
        await session.EndAsync(facilitator, "done");

        Assert.Equal(SessionStatus.Ended, Assert.Single((await Grains.GetDirectory().GetAsync()).Sessions, s => s.Id == summary.Id).Status);

        // Any later change prunes: just under a day after the scheduled end it is still there, just over it is gone.
        fixture.Clock.Reset(summary.End + DirectoryGrain.EndedKept - Duration.FromMinutes(1));
        await Community.ScheduleAsync(Grains, fixture.Clock, community, facilitator, "Tomorrow");
        Assert.Contains((await Grains.GetDirectory().GetAsync()).Sessions, s => s.Id == summary.Id);
        fixture.Clock.Reset(summary.End + DirectoryGrain.EndedKept + Duration.FromMinutes(1));
        await Community.ScheduleAsync(Grains, fixture.Clock, community, facilitator, "Next week");

        var after = await Grains.GetDirectory().GetAsync();
        Assert.DoesNotContain(after.Sessions, s => s.Id == summary.Id);
        Assert.Contains(after.Sessions, s => s.Title == "Next week");
        Assert.Contains(after.Communities, c => c.Id == community);
    }
}

[Collection(SqliteCluster.Name)]
public sealed class SqliteDirectoryTests(SqliteClusterFixture fixture)
    : DirectoryTests<SqliteClusterFixture>(fixture);

[Collection(PostgresCluster.Name)]
public sealed class PostgresDirectoryTests(PostgresClusterFixture fixture)
    : DirectoryTests<PostgresClusterFixture>(fixture);
