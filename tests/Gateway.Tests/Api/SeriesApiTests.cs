using System.Net;
using CopLive.GatewayHarness;
using CopLive.TestSupport;
using NodaTime;
using NodaTime.Text;

namespace CopLive.Gateway.Tests.Api;

/// <summary>Recurring meetings over real HTTP: a facilitator schedules a weekly series, members see it in their own zone.</summary>
[Collection(SharedGateway.Name)]
public sealed class SeriesApiTests(GatewayFixture gateway)
{
    private ApiClient Api => gateway.Api;

    [Fact]
    public async Task AWeeklySeries_ShowsEachMeetingInTheSeriesZoneAndTheMembers_AndItsNextMeetingIsOnTheirList()
    {
        var (community, invites) = await Api.CreateCommunityAsync(GatewayFixture.AdminKey, zone: "America/Chicago");
        var (_, facilitator) = await Api.JoinAsync(ApiClient.Text(invites, "facilitator"), "Ms. Rivera", "America/Chicago");
        var (_, teacher) = await Api.JoinAsync(ApiClient.Text(invites, "member"), "Mr. Okafor", "Asia/Tokyo");
        var first = SystemClock.Instance.GetCurrentInstant().InUtc().Date.PlusDays(3);

        var created = await Api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/series", new
        {
            title = "Grade 4 PLC",
            firstDate = LocalDatePattern.Iso.Format(first),
            time = "16:00",
            everyWeeks = 2,
            occurrences = 3,
            template = "consultancy",
            standingGroups = true,
        }, facilitator);
        var read = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/series/{ApiClient.Text(created, "id")}", bearer: teacher);
        var mine = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/me/sessions", bearer: teacher);

        Assert.Equal("America/Chicago", ApiClient.Text(created, "timeZone"));
        Assert.Equal(45, created["durationMinutes"]!.GetValue<int>());
        Assert.True(created["standingGroups"]!.GetValue<bool>());
        var meetings = read["occurrences"]!.AsArray();
        Assert.Equal(3, meetings.Count);
        Assert.All(meetings, m => Assert.EndsWith("T16:00", ApiClient.Text(m!, "localStart")));
        Assert.All(meetings, m => Assert.EndsWith("+09:00", ApiClient.Text(m!, "yourStart")));
        Assert.Equal(LocalDatePattern.Iso.Format(first.PlusWeeks(2)), ApiClient.Text(meetings[1]!, "localStart")[..10]);
        Assert.Equal(["scheduled", "planned", "planned"], meetings.Select(m => ApiClient.Text(m!, "status")));
        var listed = Assert.Single(mine["sessions"]!.AsArray())!;
        Assert.Equal(ApiClient.Text(meetings[0]!, "sessionId"), ApiClient.Text(listed, "id"));
    }

    [Fact]
    public async Task SkippingAndMovingMeetings_OverHttp_AndBadRequestsNameTheirField()
    {
        var (community, invites) = await Api.CreateCommunityAsync(GatewayFixture.AdminKey);
        var (_, facilitator) = await Api.JoinAsync(ApiClient.Text(invites, "facilitator"), "Ms. Rivera", "America/Chicago");
        var first = SystemClock.Instance.GetCurrentInstant().InUtc().Date.PlusDays(3);
        var body = new { title = "Weekly PLC", firstDate = LocalDatePattern.Iso.Format(first), time = "15:30", occurrences = 4, durationMinutes = 60 };
        var created = await Api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/series", body, facilitator);
        var id = ApiClient.Text(created, "id");
        var moveTo = LocalDateTimePattern.GeneralIso.Format(first.PlusWeeks(2).PlusDays(1).At(new LocalTime(9, 0)))[..16];

        var skipped = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/series/{id}/occurrences/0/skip", new { reason = "Conferences" }, facilitator);
        var moved = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/series/{id}/occurrences/2", new { start = moveTo }, facilitator);
        var badIndex = await Api.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, $"/api/series/{id}/occurrences/9/skip", new { }, facilitator);
        var badDate = await Api.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, $"/api/communities/{community}/series", body with { firstDate = "next week" }, facilitator);
        var badTime = await Api.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, $"/api/communities/{community}/series", body with { time = "4pm" }, facilitator);

        Assert.Equal(["skipped", "scheduled", "planned", "planned"], moved["occurrences"]!.AsArray().Select(m => ApiClient.Text(m!, "status")));
        Assert.Equal("skipped", ApiClient.Text(skipped["occurrences"]!.AsArray()[0]!, "status"));
        Assert.Equal(moveTo, ApiClient.Text(moved["occurrences"]!.AsArray()[2]!, "localStart"));
        Assert.True(moved["occurrences"]!.AsArray()[2]!["moved"]!.GetValue<bool>());
        Assert.Equal("occurrence", ApiClient.Text(badIndex, "field"));
        Assert.Equal("firstDate", ApiClient.Text(badDate, "field"));
        Assert.Equal("time", ApiClient.Text(badTime, "field"));
    }
}
