using CopLive.Collab.Text;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Practice;
using CopLive.Grains.Sessions;
using CopLive.Silo.Tests.Fixtures;
using NodaTime;

namespace CopLive.Silo.Tests.Practice;

/// <summary>A community's library through the real community, document and session grains: search, tags, dates.</summary>
[Collection(SqliteCluster.Name)]
public sealed class LibraryTests(SqliteClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task TheLibraryFindsPlansByTitleOrText_FiltersByTagAndDate_AndListsEndedMeetings()
    {
        var (community, facilitator, member) = await Community.WithFacilitatorAndMemberAsync(Grains);
        var grain = Grains.GetCommunity(community);
        var fractions = await grain.CreateDocumentAsync(member, new NewDocument("Fractions unit", null));
        var geometry = await grain.CreateDocumentAsync(member, new NewDocument("Geometry unit", null));
        await Grains.GetDocument(geometry.Id).SubmitAsync(member, new OpSubmission("tab", 1, 0, TextOpJson.Parse("[\"Students build a Café menu with área models\"]")));
        var meeting = await Community.ScheduleAsync(Grains, fixture.Clock, community, facilitator, "Fractions lesson study");
        await meeting.StartAsync(facilitator);
        await meeting.EndAsync(facilitator, null);
        await grain.SetDocumentTagsAsync(member, fractions.Id, [" Grade4 ", "fractions", "grade4"]);
        var today = fixture.Clock.GetCurrentInstant().InUtc().Date;

        var all = await grain.SearchLibraryAsync(member, new LibraryQuery(null, null, null, null));
        var byTitle = await grain.SearchLibraryAsync(member, new LibraryQuery("FRACTIONS", null, null, null));
        var byText = await grain.SearchLibraryAsync(member, new LibraryQuery("cafe menu with area", null, null, null));
        var byTag = await grain.SearchLibraryAsync(member, new LibraryQuery(null, "Grade4", null, null));
        var later = await grain.SearchLibraryAsync(member, new LibraryQuery(null, null, today.PlusDays(2), null));

        Assert.Contains(all.Documents, d => d.Summary.Id == geometry.Id);
        Assert.Equal(meeting.GetPrimaryKey(), Assert.Single(all.Meetings).Id.Value);
        Assert.Contains(byTitle.Documents, d => d.Summary.Id == fractions.Id);
        Assert.DoesNotContain(byTitle.Documents, d => d.Summary.Id == geometry.Id);
        Assert.Single(byTitle.Meetings);
        var found = Assert.Single(byText.Documents);
        Assert.Equal(geometry.Id, found.Summary.Id);
        Assert.Equal("Students build a Café menu with área models", found.Snippet);
        Assert.Equal(["grade4", "fractions"], Assert.Single(byTag.Documents).Summary.Tags.ToArray());
        Assert.Empty(byTag.Meetings);
        Assert.Empty(later.Documents);
        Assert.Empty(later.Meetings);
    }

    [Fact]
    public async Task ObserversCannotTag_AndBadQueriesNameTheirField()
    {
        var (community, invites) = await Community.CreateAsync(Grains);
        var member = await Community.JoinAsync(Grains, community, invites.Member, "Teacher");
        var observer = await Community.JoinAsync(Grains, community, invites.Observer, "Visitor");
        var grain = Grains.GetCommunity(community);
        var plan = await grain.CreateDocumentAsync(member, new NewDocument("Plan", null));

        var byObserver = await Assert.ThrowsAsync<CopLiveException>(() => grain.SetDocumentTagsAsync(observer, plan.Id, ["x"]));
        var tooMany = await Assert.ThrowsAsync<CopLiveException>(() => grain.SetDocumentTagsAsync(member, plan.Id, [.. Enumerable.Range(0, 11).Select(i => $"t{i}")]));
        var blank = await Assert.ThrowsAsync<CopLiveException>(() => grain.SetDocumentTagsAsync(member, plan.Id, ["ok", " "]));
        var backwards = await Assert.ThrowsAsync<CopLiveException>(() => grain.SearchLibraryAsync(observer, new LibraryQuery(null, null, new LocalDate(2027, 2, 1), new LocalDate(2027, 1, 1))));
        var unknown = await Assert.ThrowsAsync<CopLiveException>(() => grain.SetDocumentTagsAsync(member, DocumentId.New(), ["x"]));

        Assert.Equal(CopLiveError.Forbidden, byObserver.Code);
        Assert.Equal("tags", tooMany.Field);
        Assert.Equal("tags[1]", blank.Field);
        Assert.Equal("from", backwards.Field);
        Assert.Equal(CopLiveError.NotFound, unknown.Code);
        Assert.True(Assert.Single((await grain.SearchLibraryAsync(observer, new LibraryQuery(null, null, null, null))).Documents).Summary.Tags.IsDefaultOrEmpty);
    }
    [Fact]
    public async Task ANewSessionStartsFromAnExistingPlan_OfItsOwnCommunityOnly()
    {
        var (community, facilitator, member) = await Community.WithFacilitatorAndMemberAsync(Grains);
        var (other, otherFacilitator, _) = await Community.WithFacilitatorAndMemberAsync(Grains);
        var plan = await Grains.GetCommunity(community).CreateDocumentAsync(member, new NewDocument("Unit 3 plan", "# Unit 3\nBar models first.\n"));
        var tomorrow = fixture.Clock.GetCurrentInstant().InUtc().Date.PlusDays(1).At(new LocalTime(16, 0));

        var details = await Grains.GetCommunity(community).ScheduleSessionAsync(facilitator,
            new NewSession("Unit 3, again", tomorrow, "UTC", 60, [], FromDocument: plan.Id));
        var foreign = await Assert.ThrowsAsync<CopLiveException>(() => Grains.GetCommunity(other).ScheduleSessionAsync(otherFacilitator,
            new NewSession("Borrowed", tomorrow, "UTC", 60, [], FromDocument: plan.Id)));

        Assert.Equal("# Unit 3\nBar models first.\n", (await Grains.GetDocument(details.MainDocument).OpenAsync(member)).Document.Text);
        Assert.Equal("fromDocumentId", foreign.Field);
        Assert.Empty((await Grains.GetCommunity(other).GetUpcomingSessionsAsync(otherFacilitator)).Sessions);
    }
}
