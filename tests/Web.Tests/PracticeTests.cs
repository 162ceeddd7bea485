using System.Net;
using System.Text.RegularExpressions;
using CopLive.GatewayHarness;
using CopLive.TestSupport;
using Microsoft.Playwright;

namespace CopLive.Web.Tests;

/// <summary>A community's protocols in real browsers: a meeting run from a template, its prompts and its breakout phase.</summary>
[Collection(SharedBrowser.Name)]
public sealed class PracticeTests(GatewayFixture gateway, Browser browser)
{
    [Fact]
    public async Task ATuningProtocolFromItsTemplate_ShowsEachPhasesPrompt_AndItsFeedbackPhaseRunsTheRooms()
    {
        var meeting = new Meeting(gateway, browser);
        await meeting.CreateAsync();
        var rivera = await meeting.JoinAsync("facilitator", "Ms. Rivera");
        var ana = await meeting.JoinAsync("member", "Ana Ruiz");
        var ben = await meeting.JoinAsync("member", "Ben Okafor");
        var session = await meeting.ScheduleAsync(rivera, "Tuning: fractions unit", template: "tuning");
        await meeting.StartAsync(rivera, session, ana, ben);
        await Assertions.Expect(rivera.GetByRole(AriaRole.List, new() { Name = "Participants" })).ToContainTextAsync("Ben Okafor");

        await rivera.GetByRole(AriaRole.Button, new() { Name = "Start agenda" }).ClickAsync();
        foreach (var page in new[] { rivera, ana, ben })
        {
            await Assertions.Expect(page.Locator(".phase")).ToContainTextAsync("1/7 Presentation — Presenter speaks");
            await Assertions.Expect(page.Locator("#phase-prompt")).ToContainTextAsync("The presenter describes the work");
        }
        for (var phase = 2; phase <= 5; phase++)
        {
            await rivera.GetByRole(AriaRole.Button, new() { Name = "Next phase" }).ClickAsync();
            await Assertions.Expect(rivera.Locator(".phase")).ToContainTextAsync($"{phase}/7 ");
        }

        // Warm and cool feedback: every member is in a room whose notes start with the task.
        foreach (var page in new[] { ana, ben })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Room [12]$") })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#phase-prompt")).ToContainTextAsync("In your breakout room: In your group, write warm feedback");
            await Assertions.Expect(page.Locator(".cm-content")).ToContainTextAsync("Speaking rule: The presenter listens silently");
            await Assertions.Expect(page.Locator(".clock")).ToContainTextAsync("Rooms close with this phase");
        }
        await ana.Locator(".cm-content").ClickAsync();
        await ana.Keyboard.PressAsync("Control+End");
        await ana.Keyboard.InsertTextAsync("Warm: the models are concrete");
        await ana.ScreenshotAsync(new() { Path = Path.Combine(Browser.Artifacts, "tuning-feedback-room.png"), FullPage = true });
        await CoEditingTests.Eventually(async () =>
        {
            var live = await gateway.Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/sessions/{session}/live", bearer: GatewayFixture.AdminKey);
            var texts = await Task.WhenAll(live["breakout"]!["rooms"]!.AsArray().Select(async r => ApiClient.Text(
                await gateway.Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{ApiClient.Text(r!, "notesDocumentId")}", bearer: GatewayFixture.AdminKey), "text")));
            return texts.Any(t => t.Contains("Warm: the models are concrete"));
        });

        // The phase ends: the rooms close with it, and what the room wrote (not the prompt) is in the plan.
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Next phase" }).ClickAsync();
        foreach (var page in new[] { rivera, ana, ben })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lesson plan" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".cm-content")).ToContainTextAsync("notes by Ana Ruiz");
            await Assertions.Expect(page.Locator(".cm-content")).ToContainTextAsync("Warm: the models are concrete");
            await Assertions.Expect(page.Locator(".cm-content")).Not.ToContainTextAsync("Speaking rule:");
            await Assertions.Expect(page.Locator(".phase")).ToContainTextAsync("6/7 Presenter reflection");
        }

        // The facilitator keeps this agenda as the community's own template.
        await rivera.GetByLabel("Save this agenda as a template named").FillAsync("Our tuning");
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Save template" }).ClickAsync();
        await Assertions.Expect(rivera.Locator(".template-note")).ToHaveTextAsync("Saved as the template “Our tuning”.");
        await rivera.ScreenshotAsync(new() { Path = Path.Combine(Browser.Artifacts, "tuning-after-feedback.png"), FullPage = true });
        var templates = await gateway.Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/communities/{meeting.Community}/templates", bearer: GatewayFixture.AdminKey);
        Assert.Contains(templates.AsArray(), t => ApiClient.Text(t!, "name") == "Our tuning" && t!["agenda"]!.AsArray().Count == 7);
        Assert.True(meeting.ConsoleErrors.Count == 0, string.Join("\n", meeting.ConsoleErrors));
        await meeting.DisposeAsync();
    }
    [Fact]
    public async Task ARecorderMarksDecisionsAndActionItems_EveryoneSeesThem_AndTheMinutesShowWhenTheMeetingEnds()
    {
        var meeting = new Meeting(gateway, browser);
        await meeting.CreateAsync();
        var rivera = await meeting.JoinAsync("facilitator", "Ms. Rivera");
        var ana = await meeting.JoinAsync("member", "Ana Ruiz");
        var ben = await meeting.JoinAsync("member", "Ben Okafor");
        var session = await meeting.ScheduleAsync(rivera, "Lesson study", template: "consultancy");
        await meeting.StartAsync(rivera, session, ana, ben);
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Start agenda" }).ClickAsync();

        await rivera.GetByLabel("Recorder").SelectOptionAsync(new SelectOptionValue { Label = "Ana Ruiz" });
        await Assertions.Expect(ana.GetByLabel("Decision", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(ben.GetByLabel("Decision", new() { Exact = true })).ToBeHiddenAsync();
        await ana.GetByLabel("Decision", new() { Exact = true }).FillAsync("Use bar models in unit 3");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Add decision" }).ClickAsync();
        await ana.GetByLabel("Action item", new() { Exact = true }).FillAsync("Share the unit plan");
        await ana.GetByLabel("Owner").SelectOptionAsync(new SelectOptionValue { Label = "Ben Okafor" });
        await ana.GetByLabel("Due").FillAsync(DateTime.UtcNow.Date.AddDays(14).ToString("yyyy-MM-dd"));
        await ana.GetByRole(AriaRole.Button, new() { Name = "Add action item" }).ClickAsync();
        await Assertions.Expect(ben.GetByRole(AriaRole.List, new() { Name = "Decisions" })).ToContainTextAsync("Use bar models in unit 3 — Ana Ruiz");
        await Assertions.Expect(ben.GetByRole(AriaRole.List, new() { Name = "Action items" })).ToContainTextAsync("Share the unit plan — Ben Okafor, due ");
        await ana.ScreenshotAsync(new() { Path = Path.Combine(Browser.Artifacts, "recorder-panel.png"), FullPage = true });

        await rivera.GetByRole(AriaRole.Button, new() { Name = "End session" }).ClickAsync();
        await rivera.GetByRole(AriaRole.Button, new() { Name = "End the meeting" }).ClickAsync();
        foreach (var page in new[] { rivera, ana, ben })
        {
            var minutes = page.GetByRole(AriaRole.Region, new() { Name = "Minutes" });
            await Assertions.Expect(minutes).ToContainTextAsync("Use bar models in unit 3");
            await Assertions.Expect(minutes.GetByRole(AriaRole.List, new() { Name = "Attendees" })).ToContainTextAsync("Ben Okafor");
            await Assertions.Expect(minutes.GetByRole(AriaRole.List, new() { Name = "Agenda as run" })).ToContainTextAsync("Present the dilemma (5 min planned)");
        }
        var download = await ben.RunAndWaitForDownloadAsync(() => ben.GetByRole(AriaRole.Button, new() { Name = "Download minutes (Markdown)" }).ClickAsync());
        var markdown = await File.ReadAllTextAsync(await download.PathAsync());
        await ben.ScreenshotAsync(new() { Path = Path.Combine(Browser.Artifacts, "minutes.png"), FullPage = true });

        // Found later among Ana's past meetings on her home page, the ended meeting's page shows its minutes.
        await ana.GotoAsync("/");
        await ana.GetByRole(AriaRole.List, new() { Name = "Past meetings" }).GetByRole(AriaRole.Link, new() { Name = "Lesson study" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Region, new() { Name = "Minutes" })).ToContainTextAsync("Share the unit plan");

        Assert.StartsWith("# Minutes: Lesson study", markdown);
        Assert.Contains("- [ ] Share the unit plan — Ben Okafor, due ", markdown);
        Assert.Matches(@"minutes-\d{4}-\d{2}-\d{2}\.md", download.SuggestedFilename);
        Assert.True(meeting.ConsoleErrors.Count == 0, string.Join("\n", meeting.ConsoleErrors));
        await meeting.DisposeAsync();
    }
    [Fact]
    public async Task AFacilitatorLooksIntoARoomWithoutJoiningIt_ItsMembersSeeTheBadge_AndJoiningToTalkIsItsOwnStep()
    {
        var meeting = new Meeting(gateway, browser);
        await meeting.CreateAsync();
        var rivera = await meeting.JoinAsync("facilitator", "Ms. Rivera");
        var ana = await meeting.JoinAsync("member", "Ana Ruiz");
        var session = await meeting.ScheduleAsync(rivera, "Lesson study");
        await meeting.StartAsync(rivera, session, ana);
        await Assertions.Expect(rivera.GetByRole(AriaRole.List, new() { Name = "Participants" })).ToContainTextAsync("Ana Ruiz");
        await rivera.GetByRole(AriaRole.Spinbutton, new() { Name = "Rooms" }).FillAsync("1");
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Open breakout rooms" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Room 1", Exact = true })).ToBeVisibleAsync();
        await ana.Locator(".cm-content").ClickAsync();
        await ana.Keyboard.InsertTextAsync("Ana's idea");

        await rivera.GetByRole(AriaRole.Button, new() { Name = "Look in on Room 1" }).ClickAsync();
        await Assertions.Expect(rivera.GetByRole(AriaRole.Heading, new() { Name = "Room 1", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(rivera.Locator(".cm-content")).ToContainTextAsync("Ana's idea");
        await Assertions.Expect(rivera.Locator(".watch-bar")).ToContainTextAsync("You are watching this room");
        await Assertions.Expect(rivera.GetByLabel("Message", new() { Exact = true })).ToBeDisabledAsync();
        await Assertions.Expect(ana.Locator(".watching")).ToHaveTextAsync("👁 Ms. Rivera is watching this room");
        await ana.ScreenshotAsync(new() { Path = Path.Combine(Browser.Artifacts, "room-watched.png"), FullPage = true });

        await rivera.GetByRole(AriaRole.Button, new() { Name = "Join this room to talk" }).ClickAsync();
        await Assertions.Expect(rivera.Locator(".watch-bar")).ToBeHiddenAsync();
        await Assertions.Expect(rivera.GetByLabel("Message", new() { Exact = true })).ToBeEnabledAsync();
        await Assertions.Expect(ana.Locator(".watching")).ToBeHiddenAsync();
        Assert.True(meeting.ConsoleErrors.Count == 0, string.Join("\n", meeting.ConsoleErrors));
        await meeting.DisposeAsync();
    }
    [Fact]
    public async Task TheLibrary_FindsAPlanByItsText_OpensItForCoEditingOutsideAMeeting_AndFiltersByTag()
    {
        var meeting = new Meeting(gateway, browser);
        await meeting.CreateAsync();
        var rivera = await meeting.JoinAsync("facilitator", "Ms. Rivera");
        var ana = await meeting.JoinAsync("member", "Ana Ruiz");
        var session = await meeting.ScheduleAsync(rivera, "Fractions study");
        await meeting.StartAsync(rivera, session, ana);
        await ana.Locator(".cm-content").ClickAsync();
        await ana.Keyboard.PressAsync("Control+End");
        await ana.Keyboard.InsertTextAsync("\nWe use área models for ½ and ¼");
        await rivera.GetByRole(AriaRole.Button, new() { Name = "End session" }).ClickAsync();
        await rivera.GetByRole(AriaRole.Button, new() { Name = "End the meeting" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Region, new() { Name = "Minutes" })).ToBeVisibleAsync();

        await ana.GotoAsync("/");
        await ana.GetByRole(AriaRole.Link, new() { Name = "Library" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.List, new() { Name = "Meeting records" })).ToContainTextAsync("Fractions study");
        await ana.GetByLabel("Words").FillAsync("AREA MODELS");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var plans = ana.GetByRole(AriaRole.List, new() { Name = "Plans and notes" });
        await Assertions.Expect(plans).ToContainTextAsync("We use área models for ½ and ¼");
        await ana.ScreenshotAsync(new() { Path = Path.Combine(Browser.Artifacts, "library.png"), FullPage = true });
        await Accessibility.AssertNoViolationsAsync(ana, "library page");
        await plans.GetByRole(AriaRole.Link, new() { Name = "Lesson plan: Fractions study" }).ClickAsync();

        // Outside the meeting, the plan is co-edited live: Rivera opens it too and sees Ana's words arrive.
        await Assertions.Expect(ana.Locator(".cm-content")).ToContainTextAsync("área models");
        await rivera.GotoAsync(ana.Url);
        await Assertions.Expect(rivera.Locator(".cm-content")).ToContainTextAsync("área models");
        await ana.Locator(".cm-content").ClickAsync();
        await ana.Keyboard.PressAsync("Control+End");
        await ana.Keyboard.InsertTextAsync(" — revised after the meeting");
        await Assertions.Expect(rivera.Locator(".cm-content")).ToContainTextAsync("revised after the meeting");
        // Its history says who made each version and when.
        await rivera.GetByRole(AriaRole.Button, new() { Name = "History" }).ClickAsync();
        await Assertions.Expect(rivera.Locator("output[for=history-version]")).ToContainTextAsync(" · Ana Ruiz · ");
        await ana.GetByLabel("Tags (separated by commas)").FillAsync("Grade4, fractions");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Save tags" }).ClickAsync();
        await Assertions.Expect(ana.GetByText("Tags saved.")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(rivera, "document page, history open");

        // The facilitator starts next month's meeting from this plan: its lesson plan begins with the revised text.
        await rivera.GetByLabel("Title", new() { Exact = true }).FillAsync("Fractions, second pass");
        await rivera.GetByLabel("Starts (America/Chicago)").FillAsync(DateTime.UtcNow.Date.AddDays(30).ToString("yyyy-MM-dd") + "T16:00");
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
        await Assertions.Expect(rivera.Locator(".cm-content")).ToContainTextAsync("área models for ½ and ¼ — revised after the meeting");
        await Assertions.Expect(rivera.GetByRole(AriaRole.Heading, new() { Name = "Fractions, second pass" })).ToBeVisibleAsync();

        await ana.GetByRole(AriaRole.Link, new() { Name = "← Library" }).ClickAsync();
        await ana.GetByLabel("Tag", new() { Exact = true }).FillAsync("grade4");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.List, new() { Name = "Plans and notes" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Assertions.Expect(ana.GetByRole(AriaRole.List, new() { Name = "Plans and notes" })).ToContainTextAsync("grade4");

        // The community's audit log is a page away from its library: the facilitator sees the meeting's end.
        await rivera.GotoAsync($"/communities/{meeting.Community}/library");
        await rivera.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        var audit = rivera.GetByRole(AriaRole.Table, new() { Name = "Audit log" });
        await Assertions.Expect(audit).ToContainTextAsync("session.ended");
        await Assertions.Expect(audit).ToContainTextAsync("Fractions study");
        await rivera.ScreenshotAsync(new() { Path = Path.Combine(Browser.Artifacts, "audit.png"), FullPage = true });
        await Accessibility.AssertNoViolationsAsync(rivera, "audit page");
        Assert.True(meeting.ConsoleErrors.Count == 0, string.Join("\n", meeting.ConsoleErrors));
        await meeting.DisposeAsync();
    }
    [Fact]
    public async Task AnOversizedPaste_IsRefusedBeforeItIsSent_SayingTheLimitInWords_AndTheEditorStaysEditable()
    {
        var meeting = new Meeting(gateway, browser);
        await meeting.CreateAsync();
        var rivera = await meeting.JoinAsync("facilitator", "Ms. Rivera");
        var ana = await meeting.JoinAsync("member", "Ana Ruiz");
        var session = await meeting.ScheduleAsync(rivera, "Paste check");
        await meeting.StartAsync(rivera, session, ana);

        await ana.Locator(".cm-content").ClickAsync();
        await ana.Keyboard.PressAsync("Control+End");
        await ana.Keyboard.InsertTextAsync(new string('x', 200_000));
        await Assertions.Expect(ana.Locator(".editor-note")).ToHaveTextAsync(
            "That paste is 200,000 characters; one change can add at most 100,000. Paste it in parts.");
        await ana.Keyboard.InsertTextAsync(" still here");

        await Assertions.Expect(rivera.Locator(".cm-content")).ToContainTextAsync("still here");
        await Assertions.Expect(ana.Locator(".cm-content")).Not.ToContainTextAsync("xxxx");
        var live = await gateway.Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/sessions/{session}/live", bearer: GatewayFixture.AdminKey);
        var plan = await gateway.Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{ApiClient.Text(live, "mainDocumentId")}", bearer: GatewayFixture.AdminKey);
        Assert.DoesNotContain("xxxx", ApiClient.Text(plan, "text"));
        Assert.True(meeting.ConsoleErrors.Count == 0, string.Join("\n", meeting.ConsoleErrors));
        await meeting.DisposeAsync();
    }
}
