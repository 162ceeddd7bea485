using System.Collections.Concurrent;
using System.Net;
using CopLive.Protocol.Hubs;
using CopLive.Protocol.Rooms;
using CopLive.Protocol.Sessions;
using CopLive.TestSupport;
using CopLive.Web.Tests;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CopLive.EndToEnd.Tests;

/// <summary>
/// A teacher's page (Debian's Chromium) in a cluster that loses a machine: while the grains cannot be reached the page
/// says "Reconnecting…", never an error, and keeps what was sent; when its own gateway dies it goes on through another.
/// </summary>
public sealed class BrowserThroughFailuresTests : IAsyncLifetime
{
    private const string AdminKey = "browser-failures-admin-key-0123456789abcdef";
    private readonly Browser _browser = new();
    private PostgresServer _postgres = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.StartAsync();
        await _browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task WhileItsSiloIsDown_ThePageSaysReconnecting_NotAnError_AndItsChatArrivesOnce()
    {
        using var folder = new TempFolder("coplive-browser-silo");
        var cluster = PostgresClusterArguments.For(await _postgres.CreateDatabaseAsync());
        var ports = PostgresClusterArguments.SiloPorts();
        var doomed = await ProductProcess.StartSiloAsync(folder.Path, [.. cluster, .. ports]);
        await using var first = doomed;
        await using var gateway = await ProductProcess.StartGatewayAsync(folder.Path, [.. cluster, .. PostgresClusterArguments.ClientGateway(AdminKey)]);
        using var api = new ApiClient(gateway.Address);
        await using var meeting = await Meeting.StartAsync(api, gateway.Address, AdminKey, members: 1);
        var mainRoom = (await meeting.Facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.JoinSession), meeting.Session)).MainRoomId;
        var (page, errors) = await OpenSessionAsync(gateway.Address, meeting);

        // The only silo dies: every grain call fails until another silo serves the grains.
        await doomed.KillAsync();
        await page.GetByLabel("Message").FillAsync("Are we still on?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(Reconnecting(page)).ToBeVisibleAsync();
        await Expect(page.Locator("p.error")).ToBeEmptyAsync();
        await Expect(page.GetByLabel("Message")).ToBeEmptyAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Artifacts, "reconnecting-silo-down.png") });
        // Restarted as an operator would, with the same settings: it takes over from its dead former self.
        await using var second = await ProductProcess.StartSiloAsync(folder.Path, [.. cluster, .. ports]);

        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Chat" })).ToContainTextAsync("Are we still on?", new() { Timeout = 90_000 });
        await Expect(Reconnecting(page)).ToBeHiddenAsync();
        await Expect(page.Locator("p.error")).ToBeEmptyAsync();
        var room = await meeting.Facilitator.InvokeAsync<RoomState>(nameof(ILiveHub.OpenRoom), mainRoom.ToString());
        Assert.Single(room.Chat, m => m.Text == "Are we still on?");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task WhenItsGatewayDies_ThePageGoesOnThroughTheOther_AndLosesNothingTyped()
    {
        using var folder = new TempFolder("coplive-browser-gateway");
        var cluster = PostgresClusterArguments.For(await _postgres.CreateDatabaseAsync());
        await using var silo = await ProductProcess.StartSiloAsync(folder.Path, [.. cluster, .. PostgresClusterArguments.SiloPorts()]);
        var (a, b) = ($"http://127.0.0.1:{FreePort.Next()}", $"http://127.0.0.1:{FreePort.Next()}");
        string[] listed = ["--Gateways:Addresses:0", a, "--Gateways:Addresses:1", b];
        var doomed = await ProductProcess.StartGatewayAsync(folder.Path, [.. cluster, .. PostgresClusterArguments.ClientGateway(AdminKey), .. listed, "--urls", a]);
        await using var first = doomed;
        await using var survivor = await ProductProcess.StartGatewayAsync(folder.Path, [.. cluster, .. PostgresClusterArguments.ClientGateway(AdminKey), .. listed, "--urls", b]);
        using var api = new ApiClient(survivor.Address);
        await using var meeting = await Meeting.StartAsync(api, survivor.Address, AdminKey, members: 1);
        var (page, errors) = await OpenSessionAsync(doomed.Address, meeting);
        var sockets = new ConcurrentQueue<string>();
        page.WebSocket += (_, socket) => sockets.Enqueue(socket.Url);

        await TypeAsync(page, "\nBefore the outage.");
        await PlanContainsAsync(api, meeting, "Before the outage.");
        await doomed.Process.KillAsync();
        await TypeAsync(page, "\nAfter the outage.");
        await page.GetByLabel("Message").FillAsync("Through the other gateway");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        var text = await PlanContainsAsync(api, meeting, "After the outage.");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Chat" })).ToContainTextAsync("Through the other gateway");
        await Expect(Reconnecting(page)).ToBeHiddenAsync();
        Assert.Equal(text, await Browser.EditorTextAsync(page));
        Meeting.AssertEachOnce(text, ["Before the outage.", "After the outage."]);
        // The page was never reloaded (its gateway is gone): it reconnected its socket to the other gateway.
        Assert.Equal(a, await page.EvaluateAsync<string>("() => location.origin"));
        Assert.Contains(sockets, url => url.StartsWith(b.Replace("http", "ws", StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.Empty(errors);
    }

    /// <summary>The member's page of the meeting's session, signed in with the member's token, on <paramref name="gateway"/>.</summary>
    private async Task<(IPage Page, ConcurrentQueue<string> Errors)> OpenSessionAsync(Uri gateway, Meeting meeting)
    {
        var context = await _browser.Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = gateway.ToString() });
        await context.AddInitScriptAsync($"localStorage.setItem('coplive.token', '{meeting.Members[0].Token}')");
        var page = await context.NewPageAsync();
        var errors = new ConcurrentQueue<string>();
        page.PageError += (_, error) => errors.Enqueue(error);
        await page.GotoAsync($"/sessions/{meeting.Session}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lesson plan" })).ToBeVisibleAsync();
        await Expect(page.Locator(".cm-content")).ToContainTextAsync("# ");
        return (page, errors);
    }

    private static ILocator Reconnecting(IPage page) => page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Reconnecting" });

    private static async Task TypeAsync(IPage page, string text)
    {
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.InsertTextAsync(text);
    }

    /// <summary>The plan's text on the server once it contains <paramref name="line"/> and the page shows the same.</summary>
    private static async Task<string> PlanContainsAsync(ApiClient api, Meeting meeting, string line) =>
        await Patiently.ReadAsync(async () =>
        {
            var text = ApiClient.Text(await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{meeting.Plan}", bearer: meeting.FacilitatorToken), "text");
            return text.Contains(line, StringComparison.Ordinal) ? text : null;
        }, $"'{line}' never reached the server.");
}
