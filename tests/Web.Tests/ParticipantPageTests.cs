using System.Text.RegularExpressions;
using CopLive.GatewayHarness;
using Microsoft.Playwright;

namespace CopLive.Web.Tests;

/// <summary>The teacher's side: limits said as you type, chat while offline, the agenda and timers, a phone's width, the ended meeting.</summary>
[Collection(SharedBrowser.Name)]
public sealed class ParticipantPageTests(GatewayFixture gateway, Browser browser)
{
    [Fact]
    public async Task JoinPage_SaysTheNameIsTooLongAsYouType_AndJoinsNobodyUntilItFits()
    {
        var meeting = new Meeting(gateway, browser);
        await meeting.CreateAsync();
        var context = await browser.Chromium.NewContextAsync(new() { BaseURL = gateway.Api.BaseAddress.ToString(), ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/join/{CopLive.TestSupport.ApiClient.Text(meeting.Invites, "member")}");
        await Assertions.Expect(page.Locator(".invited")).ToContainTextAsync("You are invited as a member");
        var name = page.GetByLabel("Your name (as the others will see it)");

        await page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Please type your name.");

        // Over the limit: nothing is cut; the page says by how much it is over, and keeps every character typed.
        var tooLong = "Maria-Guadalupe " + new string('x', 194);
        await name.FillAsync(tooLong);
        await Assertions.Expect(page.Locator("#name-count")).ToHaveTextAsync("Your name is 10 characters too long: at most 200.");
        Assert.Equal(tooLong, await name.InputValueAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Your name is 10 characters too long: at most 200.");
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('coplive.token')"));
        await Accessibility.AssertNoSidewaysScrollAsync(page, "join page at 390 px");

        // A long name within the limit (123 characters) is kept whole, not cut mid-word.
        var longName = "Maria-Guadalupe Fernández de la Cruz " + string.Concat(Enumerable.Repeat("Ortega ", 9)) + "y Santos-Villanueva Paz";
        Assert.Equal(123, longName.Length);
        await name.FillAsync(longName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"Signed in as {longName}.")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page, "home page");
        await Accessibility.AssertNoSidewaysScrollAsync(page, "home page at 390 px");
        await context.DisposeAsync();
    }

    [Fact]
    public async Task ChatTypedOffline_WaitsInTheLog_AndIsSentOnceWhenTheConnectionReturns()
    {
        var meeting = new Meeting(gateway, browser);
        await meeting.CreateAsync();
        var rivera = await meeting.JoinAsync("facilitator", "Ms. Rivera");
        var ana = await meeting.JoinAsync("member", "Ana Ruiz");
        var session = await meeting.ScheduleAsync(rivera, "Offline chat");
        await meeting.StartAsync(rivera, session, ana);

        await ana.Context.SetOfflineAsync(true);
        await Assertions.Expect(ana.Locator(".banner")).ToContainTextAsync("Reconnecting");
        await ana.GetByLabel("Message").FillAsync("Sent from the bus 🚌");
        await ana.GetByLabel("Message").PressAsync("Enter");
        await Assertions.Expect(ana.Locator(".chat .queued")).ToContainTextAsync("Sent from the bus 🚌 · waiting to send");
        await Assertions.Expect(ana.Locator(".chat-note")).ToHaveTextAsync("You are offline: your message will be sent when the connection is back.");
        await Assertions.Expect(ana.GetByRole(AriaRole.Alert)).ToHaveTextAsync("");

        await ana.Context.SetOfflineAsync(false);
        var riveraChat = rivera.GetByRole(AriaRole.List, new() { Name = "Chat" });
        await Assertions.Expect(riveraChat).ToContainTextAsync(new Regex(@"\d{1,2}:\d{2}( [AP]M)? Ana Ruiz Sent from the bus 🚌"));
        await Assertions.Expect(ana.Locator(".chat .queued")).ToHaveCountAsync(0);
        await Assertions.Expect(riveraChat.Locator("li")).ToHaveCountAsync(1);
        await Assertions.Expect(riveraChat.Locator("time")).ToHaveAttributeAsync("datetime", new Regex(@"^\d{4}-\d{2}-\d{2}T"));
        await meeting.DisposeAsync();
    }

    [Fact]
    public async Task SessionPage_ShowsTheWholeAgendaAndLabelledTimers_TheRoomsPeople_NamesOfLateJoiners_OnAPhoneAndADesk()
    {
        var meeting = new Meeting(gateway, browser);
        await meeting.CreateAsync();
        var rivera = await meeting.JoinAsync("facilitator", "Ms. Rivera");
        var ana = await meeting.JoinAsync("member", "Ana Ruiz", width: 390, height: 844);
        var ben = await meeting.JoinAsync("member", "Ben Okafor");
        var session = await meeting.ScheduleAsync(rivera, "Layout check");
        await meeting.StartAsync(rivera, session, ana, ben);
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Start agenda" }).ClickAsync();

        var agenda = ana.GetByRole(AriaRole.List, new() { Name = "Agenda" });
        await Assertions.Expect(agenda.Locator("li")).ToHaveCountAsync(2);
        await Assertions.Expect(agenda.Locator("[aria-current=step]")).ToContainTextAsync("Presenting · 10 min · now");
        await Assertions.Expect(agenda).ToContainTextAsync("Feedback · 20 min");
        await Assertions.Expect(ana.GetByRole(AriaRole.Timer, new() { Name = "Time left in this phase" })).ToHaveTextAsync(new Regex(@"^Phase ends in (10:00|9:[0-5]\d)$"));

        // A late joiner's name is right in the authors' view of a page opened before they came.
        var cy = await meeting.JoinAsync("member", "Cy Lee");
        await cy.GotoAsync($"/sessions/{session}");
        await cy.Locator(".cm-content").ClickAsync();
        await cy.Keyboard.PressAsync("Control+End");
        await cy.Keyboard.InsertTextAsync("\nCy was here");
        await Assertions.Expect(ben.Locator(".cm-content")).ToContainTextAsync("Cy was here");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Show authors" }).ClickAsync();
        await Assertions.Expect(ben.GetByRole(AriaRole.List, new() { Name = "Authors" })).ToContainTextAsync("Cy Lee");
        await Assertions.Expect(ben.GetByRole(AriaRole.List, new() { Name = "Authors" })).Not.ToContainTextAsync("former member");

        // In a breakout room, People lists that room; the round's timer says what it counts.
        await rivera.GetByRole(AriaRole.Spinbutton, new() { Name = "Rooms" }).FillAsync("3");
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Open breakout rooms" }).ClickAsync();
        var anaRoom = ana.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Room [123]$") });
        await Assertions.Expect(anaRoom).ToBeVisibleAsync();
        var room = await anaRoom.TextContentAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = $"People in {room}" })).ToBeVisibleAsync();
        var people = ana.GetByRole(AriaRole.List, new() { Name = "Participants" });
        await Assertions.Expect(people.Locator("li")).ToHaveCountAsync(1);
        await Assertions.Expect(people).ToContainTextAsync("Ana Ruiz (member) · you");
        await Assertions.Expect(ana.GetByRole(AriaRole.Timer, new() { Name = "Time left in the breakout rooms" })).ToContainTextAsync("Rooms close in");

        // The header stays in view on a long page; nothing scrolls sideways on the phone.
        await ana.Mouse.WheelAsync(0, 3000);
        await ana.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
        Assert.True(await ana.EvaluateAsync<int>("() => window.scrollY") > 0, "The phone's page was not long enough to scroll.");
        var header = await ana.Locator("header").BoundingBoxAsync();
        Assert.NotNull(header);
        Assert.Equal(0, header!.Y, 1);
        await Accessibility.AssertNoSidewaysScrollAsync(ana, "session page at 390 px");
        await ana.ScreenshotAsync(new() { Path = Path.Combine(Browser.Artifacts, "session-390.png") });
        await rivera.ScreenshotAsync(new() { Path = Path.Combine(Browser.Artifacts, "session-1280-facilitator.png"), FullPage = true });

        // Keyboard only: Tab reaches the chat box, Enter sends.
        await ben.Keyboard.PressAsync("Escape");
        await ben.Locator("body").FocusAsync();
        for (var i = 0; i < 40 && await ben.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") != "chat-input"; i++)
        {
            await ben.Keyboard.PressAsync("Tab");
        }
        Assert.Equal("chat-input", await ben.EvaluateAsync<string>("() => document.activeElement?.id ?? ''"));
        await ben.Keyboard.TypeAsync("Typed without a mouse");
        await ben.Keyboard.PressAsync("Enter");
        await Assertions.Expect(ben.GetByRole(AriaRole.List, new() { Name = "Chat" })).ToContainTextAsync("Typed without a mouse");

        await Accessibility.AssertNoViolationsAsync(ana, "session page (member, phone)");
        await Accessibility.AssertNoViolationsAsync(rivera, "session page (facilitator)");
        Assert.Empty(meeting.ConsoleErrors);
        await meeting.DisposeAsync();
    }

    [Fact]
    public async Task EndSession_AsksFirst_AndTheEndedMeetingShowsItsPlanChatAttendanceAndExport()
    {
        var meeting = new Meeting(gateway, browser);
        await meeting.CreateAsync();
        var rivera = await meeting.JoinAsync("facilitator", "Ms. Rivera");
        var ana = await meeting.JoinAsync("member", "Ana Ruiz");
        var session = await meeting.ScheduleAsync(rivera, "Ending check");
        await meeting.StartAsync(rivera, session, ana);
        await ana.Locator(".cm-content").ClickAsync();
        await ana.Keyboard.PressAsync("Control+End");
        await ana.Keyboard.InsertTextAsync("\nKeep the number talks");
        await ana.GetByLabel("Message").FillAsync("Thanks all");
        await ana.GetByLabel("Message").PressAsync("Enter");
        await Assertions.Expect(rivera.GetByRole(AriaRole.List, new() { Name = "Chat" })).ToContainTextAsync("Thanks all");
        await Assertions.Expect(rivera.Locator(".cm-content")).ToContainTextAsync("Keep the number talks");

        await rivera.GetByRole(AriaRole.Button, new() { Name = "End session" }).ClickAsync();
        var dialog = rivera.GetByRole(AriaRole.Dialog, new() { Name = "End this meeting for everyone?" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(ana.Locator(".cm-content")).ToHaveAttributeAsync("contenteditable", "true");
        await rivera.GetByRole(AriaRole.Button, new() { Name = "End session" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "End the meeting" }).ClickAsync();

        // Opened afresh, the ended meeting shows the final plan read-only, the chat, who came, and exports.
        await ana.GotoAsync($"/sessions/{session}");
        var plan = ana.GetByRole(AriaRole.Region, new() { Name = "Final lesson plan" });
        await Assertions.Expect(plan).ToContainTextAsync("Keep the number talks");
        await Assertions.Expect(ana.Locator(".cm-content")).ToHaveCountAsync(0);
        await Assertions.Expect(ana.GetByRole(AriaRole.Region, new() { Name = "Meeting chat" })).ToContainTextAsync("Ana Ruiz Thanks all");
        await Assertions.Expect(ana.GetByRole(AriaRole.List, new() { Name = "Attendees" })).ToContainTextAsync("Ana Ruiz");
        var download = await ana.RunAndWaitForDownloadAsync(() => ana.GetByRole(AriaRole.Button, new() { Name = "Download minutes (Markdown)" }).ClickAsync());
        var markdown = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("Ending check", markdown);
        await ana.ScreenshotAsync(new() { Path = Path.Combine(Browser.Artifacts, "ended-meeting.png"), FullPage = true });

        // Its attendance is on the community's manage page too.
        await rivera.GotoAsync($"/communities/{meeting.Community}/manage");
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Attendance of “Ending check”" }).ClickAsync();
        await Assertions.Expect(rivera.GetByRole(AriaRole.Table, new() { Name = "Attendance of Ending check" })).ToContainTextAsync("Ana Ruiz");
        await meeting.DisposeAsync();
    }
}
