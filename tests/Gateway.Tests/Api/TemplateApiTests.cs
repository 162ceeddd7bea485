using System.Net;
using CopLive.GatewayHarness;
using CopLive.TestSupport;
using NodaTime;
using NodaTime.Text;

namespace CopLive.Gateway.Tests.Api;

/// <summary>Protocol templates over real HTTP: a facilitator lists them, saves the agenda of a meeting as one, and schedules from it.</summary>
[Collection(SharedGateway.Name)]
public sealed class TemplateApiTests(GatewayFixture gateway)
{
    private ApiClient Api => gateway.Api;

    private static string FutureStart =>
        LocalDateTimePattern.GeneralIso.Format(SystemClock.Instance.GetCurrentInstant().InUtc().Date.PlusDays(21).At(new LocalTime(16, 0)))[..16];

    [Fact]
    public async Task AFacilitator_SchedulesTheTuningProtocol_WithoutTypingItsAgenda()
    {
        var (community, invites) = await Api.CreateCommunityAsync(GatewayFixture.AdminKey);
        var (_, facilitator) = await Api.JoinAsync(ApiClient.Text(invites, "facilitator"), "Ms. Rivera", "America/Chicago");
        var (_, teacher) = await Api.JoinAsync(ApiClient.Text(invites, "member"), "Mr. Okafor", "Asia/Tokyo");

        var templates = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/communities/{community}/templates", bearer: teacher);
        var session = await Api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/sessions",
            new { title = "Tuning: fractions unit", start = FutureStart, timeZone = "America/Chicago", template = "tuning" }, facilitator);

        var tuning = templates.AsArray().Single(t => ApiClient.Text(t!, "id") == "tuning")!;
        Assert.Equal(45, tuning["totalMinutes"]!.GetValue<int>());
        Assert.True(tuning["builtIn"]!.GetValue<bool>());
        Assert.Equal(45, session["durationMinutes"]!.GetValue<int>());
        var feedback = session["agenda"]!.AsArray()[4]!;
        Assert.Equal("Warm and cool feedback", ApiClient.Text(feedback, "title"));
        Assert.Equal(3, feedback["breakout"]!["rooms"]!.GetValue<int>());
        Assert.Equal("auto", ApiClient.Text(feedback["breakout"]!, "assignment"));
        Assert.False(string.IsNullOrEmpty(ApiClient.Text(feedback, "prompt")));
    }

    [Fact]
    public async Task AMeetingsAgenda_SavedAsATemplate_SchedulesTheNextOne_AndMembersCannotSaveOrDelete()
    {
        var (community, invites) = await Api.CreateCommunityAsync(GatewayFixture.AdminKey);
        var (_, facilitator) = await Api.JoinAsync(ApiClient.Text(invites, "facilitator"), "Ms. Rivera", "America/Chicago");
        var (_, teacher) = await Api.JoinAsync(ApiClient.Text(invites, "member"), "Mr. Okafor", "Asia/Tokyo");
        var first = await Api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/sessions", new
        {
            title = "Lesson study",
            start = FutureStart,
            timeZone = "America/Chicago",
            durationMinutes = 60,
            agenda = new object[]
            {
                new { title = "Observe", minutes = 20, prompt = "Note what students say and do." },
                new { title = "Discuss in trios", minutes = 15, speakingRule = "Everyone speaks once first", breakout = new { rooms = 4, assignment = "self" } },
            },
        }, facilitator);

        var saved = await Api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/templates",
            new { name = "Our lesson study", description = "Observe, then trios", sessionId = ApiClient.Text(first, "id") }, facilitator);
        var byMember = await Api.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, $"/api/communities/{community}/templates",
            new { name = "Mine", agenda = new[] { new { title = "Talk", minutes = 5 } } }, teacher);
        var next = await Api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/sessions",
            new { title = "Lesson study 2", start = FutureStart, timeZone = "America/Chicago", durationMinutes = 50, template = ApiClient.Text(saved, "id") }, facilitator);
        await Api.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Delete, $"/api/communities/{community}/templates/{ApiClient.Text(saved, "id")}", bearer: teacher);
        await Api.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/communities/{community}/templates/{ApiClient.Text(saved, "id")}", bearer: facilitator);
        var left = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/communities/{community}/templates", bearer: teacher);

        Assert.Equal(first["agenda"]!.ToJsonString(), saved["agenda"]!.ToJsonString());
        Assert.Equal(first["agenda"]!.ToJsonString(), next["agenda"]!.ToJsonString());
        Assert.Equal("self", ApiClient.Text(next["agenda"]!.AsArray()[1]!["breakout"]!, "assignment"));
        Assert.Contains("facilitators", ApiClient.Text(byMember, "detail"));
        Assert.DoesNotContain(left.AsArray(), t => ApiClient.Text(t!, "id") == ApiClient.Text(saved, "id"));
    }

    [Fact]
    public async Task BadTemplateRequests_NameTheFieldThatIsWrong()
    {
        var (community, invites) = await Api.CreateCommunityAsync(GatewayFixture.AdminKey);
        var (_, facilitator) = await Api.JoinAsync(ApiClient.Text(invites, "facilitator"), "Ms. Rivera", "America/Chicago");

        var noRooms = await Api.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, $"/api/communities/{community}/templates",
            new { name = "Rooms", agenda = new[] { new { title = "Talk", minutes = 5, breakout = new { assignment = "auto" } } } }, facilitator);
        var badMode = await Api.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, $"/api/communities/{community}/templates",
            new { name = "Rooms", agenda = new[] { new { title = "Talk", minutes = 5, breakout = new { rooms = 2, assignment = "sideways" } } } }, facilitator);
        var unknown = await Api.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, $"/api/communities/{community}/sessions",
            new { title = "Meeting", start = FutureStart, timeZone = "America/Chicago", template = "no-such-protocol" }, facilitator);
        var builtIn = await Api.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Delete, $"/api/communities/{community}/templates/tuning", bearer: facilitator);

        Assert.Equal("agenda[0].breakout.rooms", ApiClient.Text(noRooms, "field"));
        Assert.Contains("agenda[0].breakout.assignment", ApiClient.Text(badMode, "field"));
        Assert.Equal("template", ApiClient.Text(unknown, "field"));
        Assert.Contains("built in", ApiClient.Text(builtIn, "detail"));
    }
}
