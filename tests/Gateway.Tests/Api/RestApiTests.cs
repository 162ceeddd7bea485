using System.Net;
using CopLive.GatewayHarness;
using CopLive.TestSupport;
using NodaTime;
using NodaTime.Text;

namespace CopLive.Gateway.Tests.Api;

/// <summary>The REST API as a coordinator, a facilitator and teachers use it, over real HTTP.</summary>
[Collection(SharedGateway.Name)]
public sealed class RestApiTests(GatewayFixture gateway)
{
    private const string AdminKey = GatewayFixture.AdminKey;
    private ApiClient Api => gateway.Api;

    /// <summary>A start three weeks ahead at 16:00, so it stays in the future whenever the suite runs.</summary>
    private static LocalDateTime FutureStart =>
        SystemClock.Instance.GetCurrentInstant().InUtc().Date.PlusDays(21).At(new LocalTime(16, 0));

    private static object Session(string title = "Weekly PLC", string? start = null, string zone = "America/Chicago", int? minutes = 60, object[]? agenda = null) => new
    {
        title,
        start = start ?? LocalDateTimePattern.GeneralIso.Format(FutureStart)[..16],
        timeZone = zone,
        durationMinutes = minutes,
        agenda = agenda ?? [new { title = "Check-in", minutes = 10 }, new { title = "Tuning protocol", minutes = 40 }],
    };

    [Fact]
    public async Task Health_AnswersOk()
    {
        using var healthz = await Api.GetAsync("/healthz");
        using var readyz = await Api.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readyz.StatusCode);
    }

    [Fact]
    public async Task CreateCommunity_WithAdminKey_Returns201WithAnInvitePerRole()
    {
        var created = await Api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/communities",
            new { name = "Grade 4 Math PLC", description = "Lesson study", timeZone = "America/Chicago" }, AdminKey);

        Assert.True(Guid.TryParse(ApiClient.Text(created, "id"), out _));
        var invites = created["invites"]!.AsObject();
        foreach (var role in new[] { "facilitator", "member", "observer", "owner" })
        {
            Assert.Matches("^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$", invites[role]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task FullFlow_CoordinatorCreates_TeachersJoin_FacilitatorSchedules_MembersSeeIt()
    {
        var (community, invites) = await Api.CreateCommunityAsync(AdminKey);
        var (facilitatorId, facilitator) = await Api.JoinAsync(ApiClient.Text(invites, "facilitator"), "Ms. Rivera", "America/Chicago");
        var (_, teacher) = await Api.JoinAsync(ApiClient.Text(invites, "member"), "Mr. Okafor", "Asia/Tokyo");

        var session = await Api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/sessions", Session(), facilitator);
        var details = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/communities/{community}", bearer: teacher);
        var mine = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/me/sessions", bearer: teacher);

        var start = FutureStart.InZoneStrictly(DateTimeZoneProviders.Tzdb["America/Chicago"]).ToInstant();
        Assert.Equal(InstantPattern.General.Format(start), ApiClient.Text(session, "start"));
        Assert.Equal(LocalDateTimePattern.GeneralIso.Format(FutureStart)[..16], ApiClient.Text(session, "startLocal"));
        Assert.Equal("America/Chicago", ApiClient.Text(session, "timeZone"));
        Assert.Equal(2, session["agenda"]!.AsArray().Count);

        Assert.Equal("Grade 4 Math PLC", ApiClient.Text(details, "name"));
        var members = details["members"]!.AsArray().Select(m => (ApiClient.Text(m!, "displayName"), ApiClient.Text(m!, "role"))).ToList();
        Assert.Equal([("Ms. Rivera", "facilitator"), ("Mr. Okafor", "member")], members);
        Assert.Equal(ApiClient.Text(session, "id"), ApiClient.Text(details["upcomingSessions"]![0]!, "id"));

        Assert.Equal("Asia/Tokyo", ApiClient.Text(mine, "timeZone"));
        var listed = Assert.Single(mine["sessions"]!.AsArray())!;
        var inTokyo = start.InZone(DateTimeZoneProviders.Tzdb["Asia/Tokyo"]).ToOffsetDateTime();
        Assert.Equal(OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<m>").Format(inTokyo), ApiClient.Text(listed, "localStart"));
        Assert.EndsWith("+09:00", ApiClient.Text(listed, "localStart"));
        Assert.Equal("Grade 4 Math PLC", ApiClient.Text(listed, "communityName"));
        Assert.NotEqual(facilitatorId, ApiClient.Text(await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/me", bearer: teacher), "memberId"));
    }

    [Fact]
    public async Task Join_WhilePresentingAToken_AddsTheCommunityToTheSameMember()
    {
        var (first, firstInvites) = await Api.CreateCommunityAsync(AdminKey, "Math");
        var (second, secondInvites) = await Api.CreateCommunityAsync(AdminKey, "Science");
        var (memberId, token) = await Api.JoinAsync(ApiClient.Text(firstInvites, "member"), "Ana");

        var (sameId, _) = await Api.JoinAsync(ApiClient.Text(secondInvites, "observer"), "Ana", token: token);
        var me = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/me", bearer: token);

        Assert.Equal(memberId, sameId);
        Assert.Equal([first, second], me["communities"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task Join_WithAForgedToken_Is401()
    {
        var (_, invites) = await Api.CreateCommunityAsync(AdminKey);
        var (_, token) = await Api.JoinAsync(ApiClient.Text(invites, "member"), "Ana");
        var forged = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");

        await Api.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/join",
            new { inviteCode = ApiClient.Text(invites, "member"), displayName = "Eve" }, forged);
        await Api.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/me", bearer: forged);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-admin-key-at-all-nope")]
    public async Task CreateCommunity_WithoutTheAdminKey_Is401(string? bearer)
    {
        await Api.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/communities", new { name = "PLC", timeZone = "UTC" }, bearer);
    }

    [Fact]
    public async Task CreateCommunity_WithAMemberToken_Is403()
    {
        var (_, invites) = await Api.CreateCommunityAsync(AdminKey);
        var (_, owner) = await Api.JoinAsync(ApiClient.Text(invites, "owner"), "Owner");

        var problem = await Api.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/api/communities", new { name = "PLC", timeZone = "UTC" }, owner);

        Assert.Equal("Forbidden", ApiClient.Text(problem, "code"));
    }

    public static TheoryData<object, string> BadCommunities => new()
    {
        { new { name = "PLC", timeZone = "America/Springfield" }, "timeZone" },
        { new { name = "", timeZone = "UTC" }, "name" },
        { new { timeZone = "UTC" }, "name" },
        { new { name = new string('x', 201), timeZone = "UTC" }, "name" },
        { new { name = "PLC", description = new string('x', 2001), timeZone = "UTC" }, "description" },
        { new { name = "PLC" }, "timeZone" },
        { "{\"name\": \"PLC\", \"timeZone\": ", "timeZone" },
        { "{\"name\": \"PLC\"", "body" },
        { "[1, 2]", "body" },
        { "{\"name\": 42, \"timeZone\": \"UTC\"}", "name" },
    };

    [Theory]
    [MemberData(nameof(BadCommunities))]
    public async Task CreateCommunity_WithBadInput_Is400NamingTheField(object body, string field)
    {
        var problem = await Api.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/communities", body, AdminKey);

        Assert.Equal(field, ApiClient.Text(problem, "field"));
        Assert.False(string.IsNullOrWhiteSpace(ApiClient.Text(problem, "detail")));
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task AFacilitatorMovesASessionInItsZone_ThenCallsItOff_AndMembersStopSeeingIt()
    {
        var (community, invites) = await Api.CreateCommunityAsync(AdminKey);
        var (_, facilitator) = await Api.JoinAsync(ApiClient.Text(invites, "facilitator"), "Ms. Rivera", "America/Chicago");
        var (_, teacher) = await Api.JoinAsync(ApiClient.Text(invites, "member"), "Mr. Okafor", "Asia/Tokyo");
        var session = await Api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/sessions", Session(), facilitator);
        var id = ApiClient.Text(session, "id");
        var later = LocalDateTimePattern.GeneralIso.Format(FutureStart.PlusDays(2).PlusHours(1))[..16];

        var badStart = await Api.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"/api/sessions/{id}/schedule", new { start = "soon" }, facilitator);
        var moved = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/sessions/{id}/schedule", new { start = later, durationMinutes = 75 }, facilitator);
        var nothing = await Api.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"/api/sessions/{id}/schedule", new { }, facilitator);
        var edited = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/sessions/{id}/schedule",
            new { title = "Weekly PLC: fractions", agenda = new[] { new { title = "Check-in", minutes = 5 }, new { title = "Student work", minutes = 60 } } }, facilitator);
        var mine = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/me/sessions", bearer: teacher);
        var cancelled = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/sessions/{id}/cancel", new { reason = "Snow day" }, facilitator);
        var start = await Api.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/sessions/{id}/start", new { }, facilitator);
        var after = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/me/sessions", bearer: teacher);

        Assert.Equal("start", ApiClient.Text(badStart, "field"));
        Assert.Equal(later, ApiClient.Text(moved, "startLocal"));
        Assert.Equal(75, moved["durationMinutes"]!.GetValue<int>());
        Assert.Contains("Nothing to change", ApiClient.Text(nothing, "detail"));
        Assert.Equal(("Weekly PLC: fractions", later, 75), (ApiClient.Text(edited, "title"), ApiClient.Text(edited, "startLocal"), edited["durationMinutes"]!.GetValue<int>()));
        Assert.Equal(["Check-in", "Student work"], edited["agenda"]!.AsArray().Select(p => ApiClient.Text(p!, "title")));
        Assert.Equal("Weekly PLC: fractions", ApiClient.Text(Assert.Single(mine["sessions"]!.AsArray())!, "title"));
        Assert.Equal(ApiClient.Text(moved, "start"), ApiClient.Text(Assert.Single(mine["sessions"]!.AsArray())!, "start"));
        Assert.Equal("cancelled", ApiClient.Text(cancelled, "status"));
        Assert.Contains("cancelled", ApiClient.Text(start, "detail"));
        Assert.Empty(after["sessions"]!.AsArray());
    }

    public static TheoryData<object, string> BadSessions => new()
    {
        { Session(zone: "Nowhere/Special"), "timeZone" },
        { Session(title: ""), "title" },
        { Session(title: new string('t', 201)), "title" },
        { Session(minutes: 0), "durationMinutes" },
        { Session(minutes: -30), "durationMinutes" },
        { Session(minutes: null, agenda: []), "durationMinutes" },
        { Session(minutes: 30), "agenda" },
        { Session(start: "next tuesday"), "start" },
        { Session(start: "2026-12-01T16:00Z"), "start" },
        { Session(start: "2020-01-07T16:00"), "start" },
        { Session(agenda: [new { title = "Check-in", minutes = 0 }]), "agenda[0].minutes" },
        { Session(agenda: [new { title = "", minutes = 5 }]), "agenda[0].title" },
        { "{\"title\": \"PLC\", \"durationMinutes\": \"sixty\"}", "durationMinutes" },
    };

    [Theory]
    [MemberData(nameof(BadSessions))]
    public async Task ScheduleSession_WithBadInput_Is400NamingTheField_AndSchedulesNothing(object body, string field)
    {
        var (community, invites) = await Api.CreateCommunityAsync(AdminKey);
        var (_, facilitator) = await Api.JoinAsync(ApiClient.Text(invites, "facilitator"), "Ms. Rivera");

        var problem = await Api.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, $"/api/communities/{community}/sessions", body, facilitator);
        var details = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/communities/{community}", bearer: facilitator);

        Assert.Equal(field, ApiClient.Text(problem, "field"));
        Assert.Empty(details["upcomingSessions"]!.AsArray());
    }

    [Fact]
    public async Task ScheduleSession_ByAPlainMember_Is403_AndSchedulesNothing()
    {
        var (community, invites) = await Api.CreateCommunityAsync(AdminKey);
        var (_, member) = await Api.JoinAsync(ApiClient.Text(invites, "member"), "Ana");

        await Api.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, $"/api/communities/{community}/sessions", Session(), member);

        var details = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/communities/{community}", bearer: member);
        Assert.Empty(details["upcomingSessions"]!.AsArray());
    }

    [Fact]
    public async Task MemberOfAnotherCommunity_GetsNoData()
    {
        var (community, invites) = await Api.CreateCommunityAsync(AdminKey);
        var (_, facilitator) = await Api.JoinAsync(ApiClient.Text(invites, "facilitator"), "Ms. Rivera");
        var session = await Api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/sessions", Session(), facilitator);
        var (_, otherInvites) = await Api.CreateCommunityAsync(AdminKey, "Other PLC");
        var (_, outsider) = await Api.JoinAsync(ApiClient.Text(otherInvites, "owner"), "Outsider");

        var community403 = await Api.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, $"/api/communities/{community}", bearer: outsider);
        var session403 = await Api.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, $"/api/sessions/{ApiClient.Text(session, "id")}", bearer: outsider);
        await Api.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, $"/api/communities/{community}/sessions", Session(), outsider);
        var mine = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/me/sessions", bearer: outsider);

        Assert.Null(community403["members"]);
        Assert.Null(session403["startLocal"]);
        Assert.Empty(mine["sessions"]!.AsArray());
    }

    [Fact]
    public async Task Reads_WithoutCredentials_Are401()
    {
        var (community, _) = await Api.CreateCommunityAsync(AdminKey);

        await Api.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, $"/api/communities/{community}");
        await Api.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/me/sessions");
    }

    [Theory]
    [InlineData("ZZZZ-ZZZZ-ZZZZ-ZZZZ")]
    [InlineData("not a code")]
    [InlineData("")]
    public async Task Join_WithUnknownCode_Is400NamingInviteCode(string code)
    {
        var problem = await Api.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/join", new { inviteCode = code, displayName = "Ana" });

        Assert.Equal("inviteCode", ApiClient.Text(problem, "field"));
    }

    [Fact]
    public async Task Join_WithRevokedCode_Is400_AndRotatedCodeWorks()
    {
        var (community, invites) = await Api.CreateCommunityAsync(AdminKey);
        var old = ApiClient.Text(invites, "member");

        var rotated = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/communities/{community}/invites/member", new { }, AdminKey);
        var problem = await Api.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/join", new { inviteCode = old, displayName = "Ana" });
        await Api.JoinAsync(ApiClient.Text(rotated, "code"), "Ana");
        await Api.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/communities/{community}/invites/member", bearer: AdminKey);
        await Api.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/join", new { inviteCode = ApiClient.Text(rotated, "code"), displayName = "Ben" });

        Assert.Equal("inviteCode", ApiClient.Text(problem, "field"));
        var details = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/communities/{community}", bearer: AdminKey);
        Assert.Equal(["Ana"], details["members"]!.AsArray().Select(m => ApiClient.Text(m!, "displayName")));
    }

    [Fact]
    public async Task InvitePreview_NamesCommunityAndRoleWithoutSigningIn_AndRefusesCodesThatWouldNotAdmit()
    {
        var (community, invites) = await Api.CreateCommunityAsync(AdminKey, name: "Riverside Math PLC");

        var member = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/invites/{ApiClient.Text(invites, "member")}");
        var observer = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/invites/{ApiClient.Text(invites, "observer").ToLowerInvariant()}");
        Assert.Equal(("Riverside Math PLC", "member"), (ApiClient.Text(member, "communityName"), ApiClient.Text(member, "role")));
        Assert.Equal("observer", ApiClient.Text(observer, "role"));

        await Api.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/communities/{community}/invites/member", bearer: AdminKey);
        var revoked = await Api.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, $"/api/invites/{ApiClient.Text(invites, "member")}");
        var unknown = await Api.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, "/api/invites/ZZZZ-ZZZZ-ZZZZ-ZZZZ");
        Assert.Contains("revoked", ApiClient.Text(revoked, "detail"));
        Assert.Equal("inviteCode", ApiClient.Text(unknown, "field"));
        // Asking changes nothing: the community still has no members.
        var details = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/communities/{community}", bearer: AdminKey);
        Assert.Empty(details["members"]!.AsArray());
    }

    [Theory]
    [InlineData("", "displayName")]
    [InlineData("Ana", "timeZone")]
    public async Task Join_WithBadProfile_Is400_AndAddsNobody(string name, string field)
    {
        var (community, invites) = await Api.CreateCommunityAsync(AdminKey);

        var problem = await Api.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/join",
            new { inviteCode = ApiClient.Text(invites, "member"), displayName = name, timeZone = field == "timeZone" ? "Atlantis/Lost" : null });

        Assert.Equal(field, ApiClient.Text(problem, "field"));
        var details = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/communities/{community}", bearer: AdminKey);
        Assert.Empty(details["members"]!.AsArray());
    }

    [Fact]
    public async Task OversizedBody_IsRefused()
    {
        using var response = await Api.PostAsync("/api/communities", new { name = new string('x', 100_000), timeZone = "UTC" }, AdminKey);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Roles_ChangeOverRest_AndTheAuditLogShowsIt()
    {
        var (community, invites) = await Api.CreateCommunityAsync(AdminKey);
        var (_, owner) = await Api.JoinAsync(ApiClient.Text(invites, "owner"), "Owner");
        var (memberId, member) = await Api.JoinAsync(ApiClient.Text(invites, "member"), "Ana");

        var changed = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/communities/{community}/members/{memberId}/role",
            new { role = "facilitator", reason = "Runs the geometry unit" }, owner);
        var bad = await Api.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"/api/communities/{community}/members/{memberId}/role",
            new { role = "superuser" }, owner);
        var audit = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/communities/{community}/audit?limit=10", bearer: owner);
        var badPage = await Api.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, $"/api/communities/{community}/audit?limit=0", bearer: owner);
        await Api.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/communities/{community}/membership", bearer: member);
        await Api.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, $"/api/communities/{community}", bearer: member);

        Assert.Equal("facilitator", ApiClient.Text(changed, "role"));
        Assert.Equal("role", ApiClient.Text(bad, "field"));
        Assert.Equal("limit", ApiClient.Text(badPage, "field"));
        var entry = audit["entries"]!.AsArray().First(e => ApiClient.Text(e!, "action") == "role.changed")!;
        Assert.Equal(("Owner", "Ana", "Runs the geometry unit"), (ApiClient.Text(entry, "actorName"), ApiClient.Text(entry, "targetName"), ApiClient.Text(entry, "reason")));
    }

    [Fact]
    public async Task UnknownCommunity_Is404()
    {
        await Api.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"/api/communities/{Guid.NewGuid()}", bearer: AdminKey);
    }

}
