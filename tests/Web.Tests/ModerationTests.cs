using CopLive.GatewayHarness;
using Microsoft.Playwright;

namespace CopLive.Web.Tests;

/// <summary>Moderating a live meeting from the browser: the help queue, mute, lock, pause, remove and ban.</summary>
[Collection(SharedBrowser.Name)]
public sealed class ModerationTests(GatewayFixture gateway, Browser browser)
{
    [Fact]
    public async Task HelpRequest_ReachesTheFacilitatorAsItArrives_WhoClaimsVisitsAndResolvesIt()
    {
        var meeting = new Meeting(gateway, browser);
        await meeting.CreateAsync();
        var rivera = await meeting.JoinAsync("facilitator", "Ms. Rivera");
        var ana = await meeting.JoinAsync("member", "Ana Ruiz");
        var ben = await meeting.JoinAsync("member", "Ben Okafor");
        var session = await meeting.ScheduleAsync(rivera, "Help queue");
        await meeting.StartAsync(rivera, session, ana, ben);
        var queue = rivera.GetByRole(AriaRole.List, new() { Name = "Help requests" });
        await Assertions.Expect(queue).ToContainTextAsync("No one is waiting for help.");

        await rivera.GetByRole(AriaRole.Spinbutton, new() { Name = "Rooms" }).FillAsync("2");
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Open breakout rooms" }).ClickAsync();
        var anaRoom = ana.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Room [12]$") });
        await Assertions.Expect(anaRoom).ToBeVisibleAsync();
        var room = await anaRoom.TextContentAsync();
        await ana.GetByRole(AriaRole.Button, new() { Name = "Ask for help" }).ClickAsync();

        // The request arrives by itself: badge, alert and a row naming who, where, and how long they have waited.
        await Assertions.Expect(rivera.Locator(".help-queue .badge")).ToHaveTextAsync("1");
        await Assertions.Expect(rivera.GetByRole(AriaRole.Alert).Filter(new() { HasText = "asked for help" })).ToContainTextAsync($"Ana Ruiz in {room} asked for help.");
        await Assertions.Expect(queue).ToContainTextAsync($"Ana Ruiz in {room} · waiting");
        await rivera.ScreenshotAsync(new() { Path = Path.Combine(Browser.Artifacts, "help-queue.png"), FullPage = true });

        await rivera.GetByRole(AriaRole.Button, new() { Name = "I'll help Ana Ruiz" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Button, new() { Name = "Ms. Rivera is coming to help" })).ToBeVisibleAsync();
        await Assertions.Expect(queue).ToContainTextAsync("Ms. Rivera is on the way");
        await Assertions.Expect(rivera.Locator(".help-queue .badge")).ToHaveTextAsync("0");

        await rivera.GetByRole(AriaRole.Button, new() { Name = $"Visit {room}" }).ClickAsync();
        await Assertions.Expect(rivera.GetByRole(AriaRole.Heading, new() { Name = room!, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(ana.GetByText("Ms. Rivera is watching this room")).ToBeVisibleAsync();

        await rivera.GetByRole(AriaRole.Button, new() { Name = "Resolved" }).ClickAsync();
        await Assertions.Expect(queue).ToContainTextAsync("No one is waiting for help.");
        await Assertions.Expect(ana.GetByRole(AriaRole.Button, new() { Name = "Ask for help" })).ToBeEnabledAsync();

        // A request still open when the round closes does not vanish unsaid.
        await ben.GetByRole(AriaRole.Button, new() { Name = "Ask for help" }).ClickAsync();
        await Assertions.Expect(rivera.Locator(".help-queue .badge")).ToHaveTextAsync("1");
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Close breakout round" }).ClickAsync();
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Close the rooms" }).ClickAsync();
        await Assertions.Expect(rivera.Locator(".help-alert")).ToHaveTextAsync("The round closed with Ben Okafor's request still open: they are back in the main room.");
        await Assertions.Expect(queue).ToContainTextAsync("No one is waiting for help.");
        Assert.Empty(meeting.ConsoleErrors);
        await meeting.DisposeAsync();
    }

    [Fact]
    public async Task MuteLockAndPause_ReachEveryOpenPageAtOnce_AndRemoveAndBanAskFirst()
    {
        var meeting = new Meeting(gateway, browser);
        await meeting.CreateAsync();
        var rivera = await meeting.JoinAsync("facilitator", "Ms. Rivera");
        var ana = await meeting.JoinAsync("member", "Ana Ruiz");
        var ben = await meeting.JoinAsync("member", "Ben Okafor");
        var cy = await meeting.JoinAsync("member", "Cy Lee");
        var session = await meeting.ScheduleAsync(rivera, "Moderation");
        await meeting.StartAsync(rivera, session, ana, ben, cy);
        var moderate = rivera.GetByRole(AriaRole.List, new() { Name = "Moderation" });
        await Assertions.Expect(moderate).ToContainTextAsync("Cy Lee");

        // Only people below one's own role can be moderated: an owner in the meeting is listed, with nothing to press.
        var okafor = await meeting.JoinAsync("owner", "Dr. Okafor");
        await okafor.GotoAsync($"/sessions/{session}");
        await Assertions.Expect(moderate).ToContainTextAsync("Dr. Okafor (owner)");
        await Assertions.Expect(moderate.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("Dr. Okafor") })).ToHaveCountAsync(0);
        await Assertions.Expect(moderate.GetByRole(AriaRole.Button, new() { Name = "Mute Cy Lee" })).ToHaveCountAsync(1);

        // Mute: Ana's page turns read-only and her chat box off, without her doing anything.
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Mute Ana Ruiz" }).ClickAsync();
        await Assertions.Expect(ana.Locator(".editor-note")).ToContainTextAsync("A facilitator muted you");
        await Assertions.Expect(ana.GetByLabel("Message")).ToBeDisabledAsync();
        await Assertions.Expect(ana.Locator(".cm-content")).ToHaveAttributeAsync("contenteditable", "false");
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Unmute Ana Ruiz" }).ClickAsync();
        await Assertions.Expect(ana.GetByLabel("Message")).ToBeEnabledAsync();
        await Assertions.Expect(ana.Locator(".cm-content")).ToHaveAttributeAsync("contenteditable", "true");

        // Lock: Ben learns at once, before typing anything; unlocking gives the plan back.
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Lock the plan" }).ClickAsync();
        await Assertions.Expect(ben.GetByText("A facilitator locked this document")).ToBeVisibleAsync();
        await Assertions.Expect(ben.Locator(".cm-content")).ToHaveAttributeAsync("contenteditable", "false");
        await Assertions.Expect(rivera.Locator(".cm-content")).ToHaveAttributeAsync("contenteditable", "true");
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Unlock the plan" }).ClickAsync();
        await Assertions.Expect(ben.GetByText("A facilitator locked this document")).ToBeHiddenAsync();
        await Assertions.Expect(ben.Locator(".cm-content")).ToHaveAttributeAsync("contenteditable", "true");
        await ben.Locator(".cm-content").ClickAsync();
        await ben.Keyboard.PressAsync("Control+End");
        await ben.Keyboard.InsertTextAsync("\nBen after the unlock");
        await Assertions.Expect(rivera.Locator(".cm-content")).ToContainTextAsync("Ben after the unlock");

        // Pause, resume and extend the phase: everyone's timer says so.
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Start agenda" }).ClickAsync();
        await Assertions.Expect(cy.GetByRole(AriaRole.Timer, new() { Name = "Time left in this phase" })).ToContainTextAsync("Phase ends in");
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Pause phase" }).ClickAsync();
        await Assertions.Expect(cy.GetByRole(AriaRole.Timer, new() { Name = "Time left in this phase" })).ToContainTextAsync("Phase paused");
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Phase +5 min" }).ClickAsync();
        await Assertions.Expect(cy.GetByRole(AriaRole.Timer, new() { Name = "Time left in this phase" })).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Phase paused · 1[45]:[0-5][0-9] left"));
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Resume phase" }).ClickAsync();
        await Assertions.Expect(cy.GetByRole(AriaRole.Timer, new() { Name = "Time left in this phase" })).ToContainTextAsync("Phase ends in 1");

        // Remove asks first: cancelled, Ben stays; confirmed, his page says he was removed.
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Remove Ben Okafor" }).ClickAsync();
        var dialog = rivera.GetByRole(AriaRole.Dialog, new() { Name = "Remove Ben Okafor from this meeting?" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(moderate).ToContainTextAsync("Ben Okafor");
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Remove Ben Okafor" }).ClickAsync();
        await dialog.GetByLabel("Reason (optional, kept in the audit log)").FillAsync("Off-topic links");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Remove Ben Okafor" }).ClickAsync();
        await Assertions.Expect(ben.Locator(".banner")).ToContainTextAsync("removed");
        await Assertions.Expect(moderate).Not.ToContainTextAsync("Ben Okafor");

        // Ban needs a reason.
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Ban Cy Lee" }).ClickAsync();
        var ban = rivera.GetByRole(AriaRole.Dialog, new() { Name = "Ban Cy Lee from the community?" });
        await ban.GetByRole(AriaRole.Button, new() { Name = "Ban Cy Lee" }).ClickAsync();
        await Assertions.Expect(ban.GetByRole(AriaRole.Alert)).ToContainTextAsync("Please say why");
        await ban.GetByLabel("Why? (kept in the audit log)").FillAsync("Harassing a colleague");
        await rivera.ScreenshotAsync(new() { Path = Path.Combine(Browser.Artifacts, "ban-dialog.png") });
        await ban.GetByRole(AriaRole.Button, new() { Name = "Ban Cy Lee" }).ClickAsync();
        await Assertions.Expect(moderate).Not.ToContainTextAsync("Cy Lee");
        await rivera.GotoAsync($"/communities/{meeting.Community}/audit");
        await Assertions.Expect(rivera.GetByRole(AriaRole.Table)).ToContainTextAsync("Harassing a colleague");
        await Assertions.Expect(rivera.GetByRole(AriaRole.Table)).ToContainTextAsync("Off-topic links");
        await meeting.DisposeAsync();
    }
}
