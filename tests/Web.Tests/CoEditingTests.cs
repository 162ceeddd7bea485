using System.Net;
using CopLive.GatewayHarness;
using CopLive.TestSupport;
using Microsoft.Playwright;

namespace CopLive.Web.Tests;

/// <summary>Teachers in real browsers (Debian's Chromium) joining through invite links and writing the lesson plan together.</summary>
[Collection(SharedBrowser.Name)]
public sealed class CoEditingTests(GatewayFixture gateway, Browser browser)
{
    [Fact]
    public async Task ThreeTeachers_TypingAtOnce_WithEmojiAndAccents_SeeTheSameTextAsTheServer()
    {
        var meeting = new Meeting(gateway, browser);
        await meeting.CreateAsync();
        var rivera = await meeting.JoinAsync("facilitator", "Ms. Rivera");
        var ana = await meeting.JoinAsync("member", "Ana Ruiz");
        var chloe = await meeting.JoinAsync("member", "Chloé Martin", width: 400, height: 800);
        var session = await meeting.ScheduleAsync(rivera, "Tuning protocol");
        var fetches = 0;
        foreach (var page in new[] { rivera, ana, chloe })
        {
            page.WebSocket += (_, socket) => socket.FrameSent += (_, frame) =>
            {
                if (frame.Text?.Contains("\"target\":\"GetOps\"") == true)
                {
                    Interlocked.Increment(ref fetches);
                }
            };
        }

        await rivera.GotoAsync($"/sessions/{session}");
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
        await Assertions.Expect(rivera.GetByRole(AriaRole.Button, new() { Name = "Start agenda" })).ToBeVisibleAsync();
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Start agenda" }).ClickAsync();
        foreach (var page in new[] { ana, chloe })
        {
            await page.ReloadAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Tuning protocol" }).ClickAsync();
        }
        var pages = new[] { rivera, ana, chloe };
        foreach (var page in pages)
        {
            await Assertions.Expect(page.Locator(".cm-content")).ToContainTextAsync("# Tuning protocol");
            await Assertions.Expect(page.GetByRole(AriaRole.Timer, new() { Name = "Time left in this phase" })).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Phase ends in \d+:\d\d$"));
        }
        await Assertions.Expect(ana.GetByRole(AriaRole.List, new() { Name = "Participants" })).ToContainTextAsync("Chloé Martin");

        string[][] lines =
        [
            ["Objectif: fractions équivalentes ", "🍕 pizza model ", "crème brûlée "],
            ["Ana: number lines ", "👩🏽‍🏫 modelling ", "über simple "],
            ["Chloé: exit ticket ", "✅ 3 questions ", "señal "],
        ];
        await Task.WhenAll(pages.Select(async (page, i) =>
        {
            await page.Locator(".cm-content").ClickAsync();
            await page.Keyboard.PressAsync("Control+End");
            foreach (var piece in lines[i])
            {
                await page.Keyboard.InsertTextAsync(piece);
                await page.Keyboard.TypeAsync("ok ");
            }
        }));

        var plan = await gateway.Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/sessions/{session}/live", bearer: GatewayFixture.AdminKey);
        var documentId = ApiClient.Text(plan, "mainDocumentId");
        string server = "";
        await Eventually(async () =>
        {
            server = ApiClient.Text(await gateway.Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{documentId}", bearer: GatewayFixture.AdminKey), "text");
            var shown = await Task.WhenAll(pages.Select(p => EditorText(p)));
            return shown.All(text => text == server) && lines.SelectMany(l => l).All(server.Contains);
        });
        foreach (var piece in lines.SelectMany(l => l))
        {
            Assert.Contains(piece, server);
        }
        // The gateway sends a busy document's ops a few at a time, so a reply to SubmitOp often comes before its own
        // broadcast: the page waits for the broadcast rather than fetching what it is about to receive.
        Assert.Equal(0, fetches);
        // Everyone sees the others' cursors with their names, and authorship colouring on demand.
        await Assertions.Expect(ana.Locator(".remote-caret-name", new() { HasText = "Chloé Martin" })).ToBeVisibleAsync();
        await Assertions.Expect(ana.Locator(".remote-caret-name", new() { HasText = "Ana Ruiz" })).ToHaveCountAsync(0);
        await ana.GetByRole(AriaRole.Button, new() { Name = "Show authors" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.List, new() { Name = "Authors" })).ToContainTextAsync("Chloé Martin");
        await Assertions.Expect(ana.Locator(".authored[title='Ms. Rivera']", new() { HasText = "Objectif" }).First).ToBeVisibleAsync();
        await Assertions.Expect(ana.Locator(".authored[title='Chloé Martin']", new() { HasText = "exit ticket" }).First).ToBeVisibleAsync();
        await rivera.ScreenshotAsync(new() { Path = Path.Combine(Browser.Artifacts, "session-page.png"), FullPage = true });
        await ana.ScreenshotAsync(new() { Path = Path.Combine(Browser.Artifacts, "session-page-authors.png"), FullPage = true });
        await chloe.ScreenshotAsync(new() { Path = Path.Combine(Browser.Artifacts, "session-page-narrow.png"), FullPage = true });
        Assert.True(await chloe.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 400"), "The session page scrolls sideways on a 400 px screen.");
        Assert.True(meeting.ConsoleErrors.Count == 0, string.Join("\n", meeting.ConsoleErrors));
        await meeting.DisposeAsync();
    }

    [Fact]
    public async Task WhatATeacherTypesWhileOffline_IsSentWhenTheConnectionReturns()
    {
        var meeting = new Meeting(gateway, browser);
        await meeting.CreateAsync();
        var rivera = await meeting.JoinAsync("facilitator", "Ms. Rivera");
        var ana = await meeting.JoinAsync("member", "Ana Ruiz");
        var session = await meeting.ScheduleAsync(rivera, "Offline check");
        await meeting.StartAsync(rivera, session, ana);

        await ana.Context.SetOfflineAsync(true);
        await Assertions.Expect(ana.GetByRole(AriaRole.Status).Filter(new() { HasText = "Reconnecting" })).ToBeVisibleAsync();
        await ana.Locator(".cm-content").ClickAsync();
        await ana.Keyboard.PressAsync("Control+End");
        await ana.Keyboard.InsertTextAsync("\nWritten on the train: équivalence 🍕");
        await rivera.Locator(".cm-content").ClickAsync();
        await rivera.Keyboard.PressAsync("Control+Home");
        await rivera.Keyboard.InsertTextAsync("Agenda first. ");
        await ana.Context.SetOfflineAsync(false);

        var live = await gateway.Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/sessions/{session}/live", bearer: GatewayFixture.AdminKey);
        var documentId = ApiClient.Text(live, "mainDocumentId");
        await Eventually(async () =>
        {
            var server = ApiClient.Text(await gateway.Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{documentId}", bearer: GatewayFixture.AdminKey), "text");
            return server == "Agenda first. # Offline check\nWritten on the train: équivalence 🍕"
                && await EditorText(ana) == server && await EditorText(rivera) == server;
        });
        await Assertions.Expect(ana.GetByRole(AriaRole.Status).Filter(new() { HasText = "Reconnecting" })).ToBeHiddenAsync();

        // The history slider goes back to the first version; the export is the plan as Markdown.
        await ana.GetByRole(AriaRole.Button, new() { Name = "History" }).ClickAsync();
        await Assertions.Expect(ana.Locator(".history-text")).ToHaveTextAsync("Agenda first. # Offline check\nWritten on the train: équivalence 🍕");
        await ana.GetByLabel("Version").FillAsync("0");
        await Assertions.Expect(ana.Locator(".history-text")).ToHaveTextAsync("# Offline check\n");
        var download = await ana.RunAndWaitForDownloadAsync(() => ana.GetByRole(AriaRole.Button, new() { Name = "Export Markdown" }).ClickAsync());
        Assert.EndsWith(".md", download.SuggestedFilename);
        Assert.Equal("Agenda first. # Offline check\nWritten on the train: équivalence 🍕", await File.ReadAllTextAsync(await download.PathAsync()));
        Assert.True(meeting.ConsoleErrors.Count == 0, string.Join("\n", meeting.ConsoleErrors));
        await meeting.DisposeAsync();
    }

    private static Task<string> EditorText(IPage page) => Browser.EditorTextAsync(page);

    internal static async Task Eventually(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "The condition never held.");
            await Task.Delay(100);
        }
    }
}
