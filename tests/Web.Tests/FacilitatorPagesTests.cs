using System.Text.RegularExpressions;
using CopLive.GatewayHarness;
using Microsoft.Playwright;

namespace CopLive.Web.Tests;

/// <summary>Running a community from the browser: scheduling, series, moving and cancelling, invites, roles, attendance, and creating a community.</summary>
[Collection(SharedBrowser.Name)]
public sealed class FacilitatorPagesTests(GatewayFixture gateway, Browser browser)
{
    [Fact]
    public async Task Owner_SchedulesOnceAndWeeklyFromATemplate_ThenEditsAndCancelsAMeeting()
    {
        var meeting = new Meeting(gateway, browser);
        await meeting.CreateAsync();
        var owner = await meeting.JoinAsync("owner", "Dr. Okafor", zone: "Europe/Paris");
        await owner.GetByRole(AriaRole.Link, new() { Name = "Manage Grade 4 Math PLC" }).ClickAsync();
        await Assertions.Expect(owner.GetByRole(AriaRole.Heading, new() { Name = "Manage Grade 4 Math PLC" })).ToBeVisibleAsync();
        var date = DateTime.UtcNow.Date.AddDays(3).ToString("yyyy-MM-dd");
        var schedule = owner.GetByRole(AriaRole.Form, new() { Name = "Schedule a meeting" });

        // Once, with an agenda of our own: the form says what is missing, in words.
        await schedule.GetByLabel("Date", new() { Exact = true }).FillAsync(date);
        await schedule.GetByLabel("Start time", new() { Exact = true }).FillAsync("15:30");
        await schedule.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();
        await Assertions.Expect(schedule.Locator(".error")).ToHaveTextAsync("Give the meeting a title.");
        await schedule.GetByLabel("Title", new() { Exact = true }).FillAsync("Fractions data dive");
        await schedule.Locator(".phase-name").Nth(1).FillAsync("");
        await schedule.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();
        await Assertions.Expect(schedule.Locator(".error")).ToHaveTextAsync("Phase 2 needs a title.");
        await schedule.Locator(".phase-name").Nth(1).FillAsync("Looking at exit tickets");
        await schedule.Locator(".phase-rooms").Nth(1).FillAsync("3");
        await schedule.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();
        var upcoming = owner.GetByRole(AriaRole.List, new() { Name = "Upcoming meetings" });
        await Assertions.Expect(upcoming).ToContainTextAsync($"Fractions data dive · {date} 15:30 · scheduled");

        // Weekly, from the Tuning Protocol template: the next meeting is listed, and the series has its six.
        await schedule.GetByLabel("Title", new() { Exact = true }).FillAsync("Tuesday tuning");
        await schedule.GetByLabel("Time zone", new() { Exact = true }).SelectOptionAsync("America/New_York");
        await schedule.GetByLabel("Agenda", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Tuning Protocol (45 min)" });
        await Assertions.Expect(owner.GetByRole(AriaRole.List, new() { Name = "Template agenda" })).ToContainTextAsync("min");
        await schedule.GetByLabel("Repeats", new() { Exact = true }).SelectOptionAsync("1");
        await schedule.GetByLabel("Number of meetings", new() { Exact = true }).FillAsync("6");
        await schedule.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();
        await Assertions.Expect(owner.Locator(".manage-status")).ToContainTextAsync("meets every week from");
        await Assertions.Expect(upcoming).ToContainTextAsync("Tuesday tuning");
        await owner.ScreenshotAsync(new() { Path = Path.Combine(Browser.Artifacts, "manage-schedule.png"), FullPage = true });

        // Edit the one-off meeting: a new title, an hour later, longer, and its second phase renamed.
        await owner.GetByRole(AriaRole.Button, new() { Name = "Edit “Fractions data dive”" }).ClickAsync();
        var edit = owner.GetByRole(AriaRole.Form, new() { Name = "Edit Fractions data dive" });
        await Assertions.Expect(edit.Locator(".phase-name").Nth(1)).ToHaveValueAsync("Looking at exit tickets");
        await Assertions.Expect(edit.Locator(".phase-rooms").Nth(1)).ToHaveValueAsync("3");
        await edit.GetByLabel("Title", new() { Exact = true }).FillAsync("Fractions: exit tickets");
        await edit.GetByLabel("Start time (America/Chicago)").FillAsync("16:30");
        await edit.GetByLabel("Length (minutes)").FillAsync("90");
        await edit.Locator(".phase-name").Nth(1).FillAsync("Sorting exit tickets");
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(owner.Locator(".manage-status")).ToHaveTextAsync($"“Fractions: exit tickets” saved: {date} 16:30, 90 minutes, 3 phases.");
        await Assertions.Expect(upcoming).ToContainTextAsync($"Fractions: exit tickets · {date} 16:30 · scheduled");
        var edited = await upcoming.GetByRole(AriaRole.Link, new() { Name = "Fractions: exit tickets" }).GetAttributeAsync("href");
        var asStored = await gateway.Api.ExpectAsync(System.Net.HttpStatusCode.OK, HttpMethod.Get, $"/api{edited}", bearer: GatewayFixture.AdminKey);
        Assert.Equal((90, $"{date}T16:30"), (asStored["durationMinutes"]!.GetValue<int>(), CopLive.TestSupport.ApiClient.Text(asStored, "startLocal")[..16]));
        Assert.Equal(["Welcome and norms", "Sorting exit tickets", "Next steps"], asStored["agenda"]!.AsArray().Select(p => CopLive.TestSupport.ApiClient.Text(p!, "title")));
        Assert.Equal(3, asStored["agenda"]![1]!["breakout"]!["rooms"]!.GetValue<int>());

        await owner.GetByRole(AriaRole.Button, new() { Name = "Cancel “Fractions: exit tickets”…" }).ClickAsync();
        var dialog = owner.GetByRole(AriaRole.Dialog, new() { Name = "Cancel “Fractions: exit tickets”?" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel the meeting" }).ClickAsync();
        await Assertions.Expect(upcoming).Not.ToContainTextAsync("Fractions");

        var sessions = await gateway.Api.ExpectAsync(System.Net.HttpStatusCode.OK, HttpMethod.Get, $"/api/communities/{meeting.Community}", bearer: GatewayFixture.AdminKey);
        var listed = sessions["upcomingSessions"]!.AsArray().Select(s => CopLive.TestSupport.ApiClient.Text(s!, "title")).ToList();
        Assert.Equal(["Tuesday tuning (1 of 6)"], listed);
        await Accessibility.AssertNoViolationsAsync(owner, "manage page");

        // On a phone the same page fits its width.
        await owner.SetViewportSizeAsync(390, 844);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Edit “Tuesday tuning (1 of 6)”" }).ClickAsync();
        await Assertions.Expect(owner.GetByRole(AriaRole.Form, new() { Name = "Edit Tuesday tuning (1 of 6)" }).Locator(".phase-name").First).ToHaveValueAsync("Presentation");
        await Accessibility.AssertNoSidewaysScrollAsync(owner, "manage page at 390 px");
        await owner.ScreenshotAsync(new() { Path = Path.Combine(Browser.Artifacts, "manage-390.png"), FullPage = true });
        await meeting.DisposeAsync();
    }

    [Fact]
    public async Task Owner_MakesAndCopiesAnInviteLink_ATeacherJoinsWithIt_GetsARole_AndTurnedOffLinksSaySo()
    {
        var meeting = new Meeting(gateway, browser);
        await meeting.CreateAsync();
        var owner = await meeting.JoinAsync("owner", "Dr. Okafor");
        await owner.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await owner.GotoAsync($"/communities/{meeting.Community}/manage");
        await owner.GetByRole(AriaRole.Button, new() { Name = "New link for members" }).ClickAsync();
        var link = owner.GetByLabel("Link for new members");
        await Assertions.Expect(link).ToHaveValueAsync(new Regex("/join/[0-9A-Z-]{16,19}$"));
        var url = await link.InputValueAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Copy link" }).ClickAsync();
        await Assertions.Expect(owner.Locator(".manage-status")).ToHaveTextAsync("The link for members is copied.");
        Assert.Equal(url, await owner.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        // The teacher's join page names the community and the role before anything is typed.
        var context = await browser.Chromium.NewContextAsync(new() { TimezoneId = "America/Chicago" });
        var teacher = await context.NewPageAsync();
        await teacher.GotoAsync(url);
        await Assertions.Expect(teacher.GetByRole(AriaRole.Heading, new() { Name = "Join Grade 4 Math PLC" })).ToBeVisibleAsync();
        await Assertions.Expect(teacher.Locator(".invited")).ToContainTextAsync("You are invited as a member");
        await Accessibility.AssertNoViolationsAsync(teacher, "join page");
        await teacher.GetByLabel("Your name (as the others will see it)").FillAsync("Tam Nguyen");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Assertions.Expect(teacher.GetByRole(AriaRole.Heading, new() { Name = "My sessions" })).ToBeVisibleAsync();

        // Roles: Tam becomes a facilitator, and sees Manage on the home page.
        await owner.ReloadAsync();
        await owner.GetByLabel("Role of Tam Nguyen").SelectOptionAsync("facilitator");
        await Assertions.Expect(owner.Locator(".manage-status")).ToHaveTextAsync("Tam Nguyen is now a facilitator.");
        await teacher.ReloadAsync();
        await Assertions.Expect(teacher.GetByRole(AriaRole.Link, new() { Name = "Manage Grade 4 Math PLC" })).ToBeVisibleAsync();

        // A ban, listed for owners by name, and lifted again (both asked first).
        await owner.GetByRole(AriaRole.Button, new() { Name = "Ban Tam Nguyen…" }).ClickAsync();
        var ban = owner.GetByRole(AriaRole.Dialog, new() { Name = "Ban Tam Nguyen?" });
        await ban.GetByLabel("Why? (kept in the audit log)").FillAsync("Posted pupils' names");
        await ban.GetByRole(AriaRole.Button, new() { Name = "Ban Tam Nguyen" }).ClickAsync();
        var banned = owner.GetByRole(AriaRole.List, new() { Name = "Banned" });
        await Assertions.Expect(banned).ToContainTextAsync("Tam Nguyen · banned ");
        await Assertions.Expect(owner.GetByLabel("Role of Tam Nguyen")).ToHaveCountAsync(0);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Lift the ban on Tam Nguyen…" }).ClickAsync();
        await owner.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Lift the ban" }).ClickAsync();
        await Assertions.Expect(banned).ToHaveTextAsync("Nobody is banned.");
        await Assertions.Expect(owner.Locator(".manage-status")).ToHaveTextAsync("The ban on Tam Nguyen is lifted.");

        // Links turned off: the old link says so on its page, and joining is not offered.
        await owner.GetByRole(AriaRole.Button, new() { Name = "Turn off member links…" }).ClickAsync();
        await owner.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Turn off the links" }).ClickAsync();
        await Assertions.Expect(owner.Locator(".manage-status")).ToHaveTextAsync("Links for members are turned off.");
        var late = await (await browser.Chromium.NewContextAsync()).NewPageAsync();
        await late.GotoAsync(url);
        await Assertions.Expect(late.Locator(".invited")).ToContainTextAsync("revoked");
        await Assertions.Expect(late.GetByRole(AriaRole.Button, new() { Name = "Join" })).ToBeDisabledAsync();
        await late.Context.DisposeAsync();
        await context.DisposeAsync();
        await meeting.DisposeAsync();
    }

    [Fact]
    public async Task Administrator_CreatesACommunityInTheBrowser_AndItsOwnerLinkWorks()
    {
        var context = await browser.Chromium.NewContextAsync(new() { BaseURL = gateway.Api.BaseAddress.ToString(), TimezoneId = "America/Denver" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a community" }).ClickAsync();
        await page.GetByLabel("Administrator key").FillAsync("not-the-key");
        await page.GetByLabel("Community name").FillAsync("Riverside Science PLC");
        await Assertions.Expect(page.GetByLabel("Time zone the community meets in")).ToHaveValueAsync("America/Denver");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create community" }).ClickAsync();
        await Assertions.Expect(page.Locator(".schedule .error")).ToHaveTextAsync("That administrator key is not right.");
        await Accessibility.AssertNoViolationsAsync(page, "admin page");

        await page.GetByLabel("Administrator key").FillAsync(GatewayFixture.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create community" }).ClickAsync();
        var ownerLink = page.GetByLabel("Invite link for owners");
        await Assertions.Expect(ownerLink).ToHaveValueAsync(new Regex("/join/"));
        var url = new Uri(await ownerLink.InputValueAsync()).PathAndQuery;
        await page.GotoAsync(url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Join Riverside Science PLC" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".invited")).ToContainTextAsync("You are invited as an owner");
        await context.DisposeAsync();
    }
}
