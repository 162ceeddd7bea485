using CopLive.GatewayHarness;
using Microsoft.Playwright;

namespace CopLive.Web.Tests;

/// <summary>Running a meeting from the session page: hands and chat, manual and self-select rounds, moves and broadcasts.</summary>
[Collection(SharedBrowser.Name)]
public sealed class FacilitationTests(GatewayFixture gateway, Browser browser)
{
    [Fact]
    public async Task FacilitatorRunsRounds_MovesAndBroadcasts_WhileTeachersChatRaiseHandsAndChooseRooms()
    {
        var meeting = new Meeting(gateway, browser);
        await meeting.CreateAsync();
        var rivera = await meeting.JoinAsync("facilitator", "Ms. Rivera");
        var ana = await meeting.JoinAsync("member", "Ana Ruiz");
        var ben = await meeting.JoinAsync("member", "Ben Okafor", zone: "UTC");
        var session = await meeting.ScheduleAsync(rivera, "Facilitation check");
        await meeting.StartAsync(rivera, session, ana, ben);
        var people = rivera.GetByRole(AriaRole.List, new() { Name = "Participants" });
        await Assertions.Expect(people).ToContainTextAsync("Ben Okafor");

        await ana.GetByRole(AriaRole.Button, new() { Name = "✋ Raise hand" }).ClickAsync();
        await Assertions.Expect(people).ToContainTextAsync("Ana Ruiz (member) ✋");
        await ana.GetByLabel("Message").FillAsync("Bonjour à tous 👋");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(ben.GetByRole(AriaRole.List, new() { Name = "Chat" })).ToContainTextAsync("Ana Ruiz Bonjour à tous 👋");

        // A manual round: Ana to Room 1, Ben to Room 2; then Ben is moved to Room 1.
        await rivera.GetByLabel("Assignment").SelectOptionAsync("manual");
        await rivera.GetByLabel("Ana Ruiz").SelectOptionAsync("0");
        await rivera.GetByLabel("Ben Okafor").SelectOptionAsync("1");
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Open breakout rooms" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Room 1", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "Room 2", Exact = true })).ToBeVisibleAsync();
        await rivera.GetByLabel("Move Ben Okafor to").SelectOptionAsync(new SelectOptionValue { Label = "Room 1" });
        await Assertions.Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "Room 1", Exact = true })).ToBeVisibleAsync();
        await rivera.GetByLabel("Message to every room").FillAsync("Five minutes left");
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Broadcast" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.List, new() { Name = "Chat" })).ToContainTextAsync("Five minutes left");
        await rivera.ScreenshotAsync(new() { Path = Path.Combine(Browser.Artifacts, "facilitator-round.png"), FullPage = true });
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Close breakout round" }).ClickAsync();
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Close the rooms" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Lesson plan" })).ToBeVisibleAsync();

        // A self-select round: members pick their room.
        await rivera.GetByLabel("Assignment").SelectOptionAsync("self");
        await rivera.GetByRole(AriaRole.Button, new() { Name = "Open breakout rooms" }).ClickAsync();
        var choose = ana.GetByRole(AriaRole.Region, new() { Name = "Choose your room" });
        await choose.GetByRole(AriaRole.Button, new() { NameRegex = new("^Room 2") }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Room 2", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(choose).ToBeHiddenAsync();

        Assert.True(meeting.ConsoleErrors.Count == 0, string.Join("\n", meeting.ConsoleErrors));
        await meeting.DisposeAsync();
    }

    [Fact]
    public async Task AMutedTeacher_SeesWhy_AndTheEditorIsReadOnly_UntilUnmuted()
    {
        var meeting = new Meeting(gateway, browser);
        await meeting.CreateAsync();
        var rivera = await meeting.JoinAsync("facilitator", "Ms. Rivera");
        var ana = await meeting.JoinAsync("member", "Ana Ruiz");
        var session = await meeting.ScheduleAsync(rivera, "Mute check");
        await meeting.StartAsync(rivera, session, ana);
        await Assertions.Expect(ana.Locator(".cm-content")).ToHaveAttributeAsync("contenteditable", "true");
        var anaId = await ana.EvaluateAsync<string>("() => JSON.parse(atob(localStorage.getItem('coplive.token').split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).sub");

        await gateway.Api.ExpectAsync(System.Net.HttpStatusCode.OK, HttpMethod.Post, $"/api/sessions/{session}/members/{anaId}/mute",
            new { muted = true, reason = "let others speak" }, GatewayFixture.AdminKey);
        await Assertions.Expect(ana.GetByText("A facilitator muted you")).ToBeVisibleAsync();
        await Assertions.Expect(ana.Locator(".cm-content")).ToHaveAttributeAsync("contenteditable", "false");
        await Assertions.Expect(ana.GetByLabel("Message")).ToBeDisabledAsync();

        await gateway.Api.ExpectAsync(System.Net.HttpStatusCode.OK, HttpMethod.Post, $"/api/sessions/{session}/members/{anaId}/mute",
            new { muted = false }, GatewayFixture.AdminKey);
        await Assertions.Expect(ana.Locator(".cm-content")).ToHaveAttributeAsync("contenteditable", "true");
        await Assertions.Expect(ana.GetByText("A facilitator muted you")).ToBeHiddenAsync();
        await meeting.DisposeAsync();
    }

    [Fact]
    public async Task ATeacherWaitingOnTheSessionPage_IsLetInWhenTheFacilitatorStarts()
    {
        var meeting = new Meeting(gateway, browser);
        await meeting.CreateAsync();
        var rivera = await meeting.JoinAsync("facilitator", "Ms. Rivera");
        var ana = await meeting.JoinAsync("member", "Ana Ruiz");
        var session = await meeting.ScheduleAsync(rivera, "Waiting room");
        await ana.GotoAsync($"/sessions/{session}");
        await Assertions.Expect(ana.Locator(".phase")).ToContainTextAsync("has not started yet");

        await meeting.StartAsync(rivera, session);

        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Lesson plan" })).ToBeVisibleAsync();
        await Assertions.Expect(ana.Locator(".cm-content")).ToContainTextAsync("# Waiting room");
        await Assertions.Expect(rivera.GetByRole(AriaRole.List, new() { Name = "Participants" })).ToContainTextAsync("Ana Ruiz");
        Assert.True(meeting.ConsoleErrors.Count == 0, string.Join("\n", meeting.ConsoleErrors));
        await meeting.DisposeAsync();
    }
}
