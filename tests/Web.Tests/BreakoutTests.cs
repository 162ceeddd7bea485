using System.Net;
using CopLive.GatewayHarness;
using CopLive.TestSupport;
using Microsoft.Playwright;

namespace CopLive.Web.Tests;

/// <summary>A breakout round in real browsers: rooms open, members write notes, the round closes into the plan.</summary>
[Collection(SharedBrowser.Name)]
public sealed class BreakoutTests(GatewayFixture gateway, Browser browser)
{
    [Fact]
    public async Task RoomsNotes_TypedInTheBrowser_ComeBackToTheMainPlan_WhenTheFacilitatorClosesTheRound()
    {
        var meeting = new Meeting(gateway, browser);
        await meeting.CreateAsync();
        var rivera = await meeting.JoinAsync("facilitator", "Ms. Rivera");
        var ana = await meeting.JoinAsync("member", "Ana Ruiz");
        var ben = await meeting.JoinAsync("member", "Ben Okafor");
        var session = await meeting.ScheduleAsync(rivera, "Breakout check");
        await meeting.StartAsync(rivera, session, ana, ben);
        await Assertions.Expect(rivera.GetByRole(AriaRole.List, new() { Name = "Participants" })).ToContainTextAsync("Ben Okafor");

        await rivera.GetByRole(AriaRole.Spinbutton, new() { Name = "Rooms" }).FillAsync("2");
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Open breakout rooms" }).ClickAsync();
        var notes = new Dictionary<IPage, string> { [ana] = "Ana: try bar models 🍫", [ben] = "Ben: compare with ½ and ¼" };
        foreach (var (page, text) in notes)
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Room [12]$") })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ask for help" })).ToBeVisibleAsync();
            await page.Locator(".cm-content").ClickAsync();
            await page.Keyboard.InsertTextAsync(text);
        }
        await ana.GetByRole(AriaRole.Button, new() { Name = "Ask for help" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Button, new() { Name = "Help requested: waiting for a facilitator" })).ToBeVisibleAsync();
        await ana.ScreenshotAsync(new() { Path = Path.Combine(Browser.Artifacts, "breakout-room.png"), FullPage = true });

        // Both rooms' notes reached the server before the round closes.
        await CoEditingTests.Eventually(async () =>
        {
            var live = await gateway.Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/sessions/{session}/live", bearer: GatewayFixture.AdminKey);
            var rooms = live["breakout"]!["rooms"]!.AsArray();
            var texts = await Task.WhenAll(rooms.Select(async r => ApiClient.Text(
                await gateway.Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{ApiClient.Text(r!, "notesDocumentId")}", bearer: GatewayFixture.AdminKey), "text")));
            return notes.Values.All(n => texts.Any(t => t.Contains(n)));
        });
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Close breakout round" }).ClickAsync();
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Close the rooms" }).ClickAsync();

        foreach (var page in new[] { rivera, ana, ben })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lesson plan" })).ToBeVisibleAsync();
            foreach (var text in notes.Values)
            {
                await Assertions.Expect(page.Locator(".cm-content")).ToContainTextAsync(text);
            }
            await Assertions.Expect(page.Locator(".cm-content")).ToContainTextAsync("notes by");
        }
        await ben.ScreenshotAsync(new() { Path = Path.Combine(Browser.Artifacts, "after-breakout.png"), FullPage = true });
        Assert.True(meeting.ConsoleErrors.Count == 0, string.Join("\n", meeting.ConsoleErrors));
        await meeting.DisposeAsync();
    }
}
