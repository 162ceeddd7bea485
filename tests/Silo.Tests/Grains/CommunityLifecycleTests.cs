using System.Collections.Immutable;
using CopLive.Grains.Communities;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Invites;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using CopLive.Silo.Grains.Communities;
using CopLive.Silo.Grains.Sessions;
using CopLive.Silo.Tests.Fixtures;
using NodaTime;

namespace CopLive.Silo.Tests.Grains;

/// <summary>
/// Communities, members and sessions end to end through real grains on real storage. The same tests run on
/// SQLite and on PostgreSQL (see the derived classes at the bottom).
/// </summary>
public abstract class CommunityLifecycleTests<TFixture>(TFixture fixture) where TFixture : ClusterFixture
{
    private IGrainFactory Grains => fixture.Grains;

    private static NewCommunity Grade4Math => new("Grade 4 Math PLC", "Weekly lesson study", "America/Chicago");

    [Fact]
    public async Task Create_ByAdmin_ReturnsFourDistinctInvites_AndIsReadableAfterReactivation()
    {
        var id = CommunityId.New();

        var invites = await Grains.GetCommunity(id).CreateAsync(Caller.Admin, Grade4Math);
        await fixture.DeactivateAllAsync();
        var details = await Grains.GetCommunity(id).GetAsync(Caller.Admin);

        Assert.Equal(4, new[] { invites.Owner, invites.Facilitator, invites.Member, invites.Observer }.Distinct().Count());
        Assert.Equal("Grade 4 Math PLC", details.Name);
        Assert.Equal("Weekly lesson study", details.Description);
        Assert.Equal("America/Chicago", details.TimeZone);
        Assert.Equal(fixture.Clock.GetCurrentInstant(), details.CreatedAt);
        Assert.Empty(details.Members);
    }

    [Fact]
    public async Task Create_ByMember_IsForbidden_AndCreatesNothing()
    {
        var (_, facilitator) = await CommunityWithFacilitatorAsync();
        var id = CommunityId.New();

        var refusal = await Assert.ThrowsAsync<CopLiveException>(() => Grains.GetCommunity(id).CreateAsync(facilitator, Grade4Math));

        Assert.Equal(CopLiveError.Forbidden, refusal.Code);
        var missing = await Assert.ThrowsAsync<CopLiveException>(() => Grains.GetCommunity(id).GetAsync(Caller.Admin));
        Assert.Equal(CopLiveError.NotFound, missing.Code);
    }

    [Theory]
    [InlineData("", "America/Chicago", "name")]
    [InlineData("   ", "America/Chicago", "name")]
    [InlineData("PLC", "Mars/Olympus_Mons", "timeZone")]
    [InlineData("PLC", "", "timeZone")]
    public async Task Create_WithBadField_NamesTheField_AndCreatesNothing(string name, string zone, string field)
    {
        var id = CommunityId.New();

        var refusal = await Assert.ThrowsAsync<CopLiveException>(() =>
            Grains.GetCommunity(id).CreateAsync(Caller.Admin, new NewCommunity(name, null, zone)));

        Assert.Equal(CopLiveError.InvalidArgument, refusal.Code);
        Assert.Equal(field, refusal.Field);
        await Assert.ThrowsAsync<CopLiveException>(() => Grains.GetCommunity(id).GetAsync(Caller.Admin));
    }

    [Fact]
    public async Task Create_WithOverlongName_IsRefused()
    {
        var refusal = await Assert.ThrowsAsync<CopLiveException>(() =>
            Grains.GetCommunity(CommunityId.New()).CreateAsync(Caller.Admin, new NewCommunity(new string('a', 201), null, "UTC")));

        Assert.Equal("name", refusal.Field);
    }

    [Fact]
    public async Task Join_WithInvite_AddsMemberWithInviteRole_AndProfileSurvivesReactivation()
    {
        var id = CommunityId.New();
        var invites = await Grains.GetCommunity(id).CreateAsync(Caller.Admin, Grade4Math);
        var member = MemberId.New();

        var joined = await JoinAsync(id, invites.Observer, member, "Mr. Okafor", "Europe/London");
        await fixture.DeactivateAllAsync();
        var profile = await Grains.GetMember(member).GetProfileAsync(Caller.ForMember(member));
        var details = await Grains.GetCommunity(id).GetAsync(Caller.ForMember(member));

        Assert.Equal(CommunityRole.Observer, joined.Role);
        Assert.NotNull(profile);
        Assert.Equal("Mr. Okafor", profile.DisplayName);
        Assert.Equal("Europe/London", profile.TimeZone);
        Assert.Equal([id], profile.Communities.ToArray());
        var listed = Assert.Single(details.Members);
        Assert.Equal((member, "Mr. Okafor", CommunityRole.Observer), (listed.Member, listed.DisplayName, listed.Role));
    }

    [Fact]
    public async Task Join_WithoutZone_TakesTheCommunityZone()
    {
        var id = CommunityId.New();
        var invites = await Grains.GetCommunity(id).CreateAsync(Caller.Admin, Grade4Math);

        var joined = await JoinAsync(id, invites.Member, MemberId.New(), "Ana", zone: null);

        Assert.Equal("America/Chicago", joined.Profile.TimeZone);
    }

    [Fact]
    public async Task Join_AgainWithHigherInvite_PromotesButNeverDemotes()
    {
        var id = CommunityId.New();
        var invites = await Grains.GetCommunity(id).CreateAsync(Caller.Admin, Grade4Math);
        var member = MemberId.New();

        await JoinAsync(id, invites.Member, member, "Ana");
        var promoted = await JoinAsync(id, invites.Facilitator, member, "Ana");
        var rejoined = await JoinAsync(id, invites.Observer, member, "Ana");

        Assert.Equal(CommunityRole.Facilitator, promoted.Role);
        Assert.Equal(CommunityRole.Facilitator, rejoined.Role);
        Assert.Single((await Grains.GetCommunity(id).GetAsync(Caller.Admin)).Members);
    }

    [Fact]
    public async Task Join_WithRevokedInvite_IsRefused_AndAddsNobody()
    {
        var id = CommunityId.New();
        var invites = await Grains.GetCommunity(id).CreateAsync(Caller.Admin, Grade4Math);
        await Grains.GetCommunity(id).RevokeInviteAsync(Caller.Admin, CommunityRole.Member, removeMembers: false);

        var refusal = await Assert.ThrowsAsync<CopLiveException>(() => JoinAsync(id, invites.Member, MemberId.New(), "Ana"));

        Assert.Equal(("inviteCode", CopLiveError.InvalidArgument), (refusal.Field, refusal.Code));
        Assert.Contains("revoked", refusal.Message);
        Assert.Empty((await Grains.GetCommunity(id).GetAsync(Caller.Admin)).Members);
    }

    [Fact]
    public async Task RotateInvite_OldCodeStops_NewCodeWorks()
    {
        var id = CommunityId.New();
        var invites = await Grains.GetCommunity(id).CreateAsync(Caller.Admin, Grade4Math);

        var fresh = await Grains.GetCommunity(id).RotateInviteAsync(Caller.Admin, CommunityRole.Member);

        await Assert.ThrowsAsync<CopLiveException>(() => JoinAsync(id, invites.Member, MemberId.New(), "Old"));
        Assert.Equal(CommunityRole.Member, (await JoinAsync(id, fresh, MemberId.New(), "New")).Role);
    }

    [Fact]
    public async Task RotateInvite_ByFacilitator_IsForbidden()
    {
        var (id, facilitator) = await CommunityWithFacilitatorAsync();

        var refusal = await Assert.ThrowsAsync<CopLiveException>(() =>
            Grains.GetCommunity(id).RotateInviteAsync(facilitator, CommunityRole.Owner));

        Assert.Equal(CopLiveError.Forbidden, refusal.Code);
    }

    [Fact]
    public async Task InviteDirectory_FindsTheCommunityOfACode()
    {
        var id = CommunityId.New();
        var invites = await Grains.GetCommunity(id).CreateAsync(Caller.Admin, Grade4Math);
        Assert.True(InviteCode.TryParse(invites.Facilitator.ToLowerInvariant(), out var code));

        Assert.Equal(id, await Grains.GetInvite(code).ResolveAsync());
    }

    [Fact]
    public async Task ScheduleSession_ByFacilitator_ResolvesZone_AndPersistsEveryTimeExactly()
    {
        var (id, facilitator) = await CommunityWithFacilitatorAsync();
        var request = new NewSession(
            "Tuning protocol: fractions unit", new LocalDateTime(2026, 12, 1, 16, 0), "America/Chicago", 60,
            [new AgendaItem("Check-in", 5), new AgendaItem("Presenting teacher", 15), new AgendaItem("Feedback", 30)]);

        var scheduled = await Grains.GetCommunity(id).ScheduleSessionAsync(facilitator, request);
        await fixture.DeactivateAllAsync();
        var session = await Grains.GetSession(scheduled.Summary.Id).GetAsync(facilitator);
        var upcoming = (await Grains.GetCommunity(id).GetAsync(facilitator)).UpcomingSessions;

        Assert.Equal(Instant.FromUtc(2026, 12, 1, 22, 0), session.Summary.Start);
        Assert.Equal(Instant.FromUtc(2026, 12, 1, 23, 0), session.Summary.End);
        Assert.Equal(new LocalDateTime(2026, 12, 1, 16, 0), session.Summary.LocalStart);
        Assert.Equal(Duration.FromMinutes(60), session.Duration);
        Assert.Equal(request.Agenda.ToArray(), session.Agenda.ToArray());
        Assert.Equal(facilitator.Member, session.CreatedBy);
        Assert.Equal(fixture.Clock.GetCurrentInstant(), session.CreatedAt);
        Assert.Equal(SessionStatus.Scheduled, session.Summary.Status);
        Assert.Equal(scheduled.Summary, Assert.Single(upcoming));
    }

    [Fact]
    public async Task ScheduleSession_ByPlainMember_IsForbidden_AndListsNothing()
    {
        var id = CommunityId.New();
        var invites = await Grains.GetCommunity(id).CreateAsync(Caller.Admin, Grade4Math);
        var member = (await JoinAsync(id, invites.Member, MemberId.New(), "Ana")).Profile.Id;

        var refusal = await Assert.ThrowsAsync<CopLiveException>(() =>
            Grains.GetCommunity(id).ScheduleSessionAsync(Caller.ForMember(member), TomorrowAt4()));

        Assert.Equal(CopLiveError.Forbidden, refusal.Code);
        Assert.Empty((await Grains.GetCommunity(id).GetAsync(Caller.Admin)).UpcomingSessions);
    }

    [Fact]
    public async Task ScheduleSession_WithAgendaLongerThanSession_IsRefused_AndListsNothing()
    {
        var (id, facilitator) = await CommunityWithFacilitatorAsync();

        var refusal = await Assert.ThrowsAsync<CopLiveException>(() => Grains.GetCommunity(id).ScheduleSessionAsync(
            facilitator, TomorrowAt4() with { DurationMinutes = 30, Agenda = [new AgendaItem("Everything", 31)] }));

        Assert.Equal("agenda", refusal.Field);
        Assert.Empty((await Grains.GetCommunity(id).GetAsync(facilitator)).UpcomingSessions);
    }

    [Fact]
    public async Task UpcomingSessions_LeaveOutSessionsThatAreOver()
    {
        var (id, facilitator) = await CommunityWithFacilitatorAsync();
        await Grains.GetCommunity(id).ScheduleSessionAsync(facilitator, TomorrowAt4());
        var later = await Grains.GetCommunity(id).ScheduleSessionAsync(facilitator, TomorrowAt4() with { LocalStart = TomorrowAt4().LocalStart.PlusDays(7) });

        fixture.Clock.Advance(Duration.FromDays(2));
        try
        {
            var upcoming = await Grains.GetCommunity(id).GetUpcomingSessionsAsync(facilitator);
            Assert.Equal([later.Summary.Id], upcoming.Sessions.Select(s => s.Id));
        }
        finally
        {
            fixture.Clock.Reset(fixture.Clock.GetCurrentInstant() - Duration.FromDays(2));
        }
    }

    [Fact]
    public async Task MemberUpcomingSessions_SpanAllTheirCommunities()
    {
        var member = MemberId.New();
        var caller = Caller.ForMember(member);
        var first = CommunityId.New();
        var second = CommunityId.New();
        await JoinAsync(first, (await Grains.GetCommunity(first).CreateAsync(Caller.Admin, Grade4Math)).Facilitator, member, "Ana");
        await JoinAsync(second, (await Grains.GetCommunity(second).CreateAsync(Caller.Admin, Grade4Math with { Name = "Science" })).Facilitator, member, "Ana");
        await Grains.GetCommunity(first).ScheduleSessionAsync(caller, TomorrowAt4());
        await Grains.GetCommunity(second).ScheduleSessionAsync(caller, TomorrowAt4());

        var upcoming = await Grains.GetMember(member).GetUpcomingSessionsAsync(Caller.ForMember(member));

        Assert.Equal(["Grade 4 Math PLC", "Science"], upcoming.Select(c => c.CommunityName).Order());
        Assert.All(upcoming, c => Assert.Single(c.Sessions));
    }

    [Fact]
    public async Task Outsider_CannotReadCommunityOrItsSessions()
    {
        var (id, facilitator) = await CommunityWithFacilitatorAsync();
        var session = await Grains.GetCommunity(id).ScheduleSessionAsync(facilitator, TomorrowAt4());
        var (_, outsider) = await CommunityWithFacilitatorAsync();

        var community = await Assert.ThrowsAsync<CopLiveException>(() => Grains.GetCommunity(id).GetAsync(outsider));
        var sessionRead = await Assert.ThrowsAsync<CopLiveException>(() => Grains.GetSession(session.Summary.Id).GetAsync(outsider));

        Assert.Equal(CopLiveError.Forbidden, community.Code);
        Assert.Equal(CopLiveError.Forbidden, sessionRead.Code);
    }

    [Fact]
    public async Task StoredState_ReadsBackThroughTheStorageProvider_WithNodaTimeValues()
    {
        var (id, facilitator) = await CommunityWithFacilitatorAsync();
        var scheduled = await Grains.GetCommunity(id).ScheduleSessionAsync(facilitator, TomorrowAt4());

        var community = new GrainState<CommunityState>();
        await fixture.GrainStorage.ReadStateAsync("community", Grains.GetCommunity(id).GetGrainId(), community);
        var session = new GrainState<SessionState>();
        await fixture.GrainStorage.ReadStateAsync("session", Grains.GetSession(scheduled.Summary.Id).GetGrainId(), session);

        Assert.True(community.RecordExists);
        Assert.Equal(fixture.Clock.GetCurrentInstant(), community.State!.CreatedAt);
        Assert.Equal(scheduled.Summary, Assert.Single(community.State!.Sessions));
        Assert.NotNull(session.State!.Plan);
        Assert.Equal(scheduled.Summary.Start, session.State!.Plan.Start);
        Assert.Equal(scheduled.Summary.LocalStart, session.State!.Plan.LocalStart);
        Assert.Equal(scheduled.Duration, session.State!.Plan.Duration);
    }

    private NewSession TomorrowAt4()
    {
        var tomorrow = fixture.Clock.GetCurrentInstant().InUtc().Date.PlusDays(1);
        return new NewSession("Weekly PLC", tomorrow.At(new LocalTime(16, 0)), "America/Chicago", 60,
            [new AgendaItem("Check-in", 10), new AgendaItem("Lesson study", 45)]);
    }

    private async Task<(CommunityId Id, Caller Facilitator)> CommunityWithFacilitatorAsync()
    {
        var id = CommunityId.New();
        var invites = await Grains.GetCommunity(id).CreateAsync(Caller.Admin, Grade4Math);
        var joined = await JoinAsync(id, invites.Facilitator, MemberId.New(), "Ms. Rivera");
        return (id, Caller.ForMember(joined.Profile.Id));
    }

    private Task<JoinedCommunity> JoinAsync(CommunityId community, string invite, MemberId member, string name, string? zone = "America/New_York")
    {
        Assert.True(InviteCode.TryParse(invite, out var code));
        return Grains.GetCommunity(community).JoinAsync(new JoinRequest(code.Hash, member, name, zone));
    }
}

[Collection(SqliteCluster.Name)]
public sealed class SqliteCommunityLifecycleTests(SqliteClusterFixture fixture)
    : CommunityLifecycleTests<SqliteClusterFixture>(fixture);

[Collection(PostgresCluster.Name)]
public sealed class PostgresCommunityLifecycleTests(PostgresClusterFixture fixture)
    : CommunityLifecycleTests<PostgresClusterFixture>(fixture);
