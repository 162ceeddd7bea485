using System.Net;
using System.Text.Json.Nodes;
using CopLive.GatewayHarness;
using CopLive.TestSupport;
using Microsoft.Playwright;

namespace CopLive.Web.Tests;

/// <summary>A community with invite links, and people joining it in their own browser contexts as a teacher would.</summary>
internal sealed class Meeting(GatewayFixture gateway, Browser browser)
{
    private readonly List<IBrowserContext> _contexts = [];

    public string Community { get; private set; } = "";

    public JsonNode Invites { get; private set; } = null!;

    public async Task CreateAsync()
    {
        (Community, Invites) = await gateway.Api.CreateCommunityAsync(GatewayFixture.AdminKey);
    }

    /// <summary>Opens the invite link in a fresh browser context, types the name, joins; returns the page on the home screen.</summary>
    public async Task<IPage> JoinAsync(string role, string name, int width = 1280, int height = 800, string zone = "America/Chicago")
    {
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = gateway.Api.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = zone,
        });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Add($"{name}: {message.Text}");
            }
        };
        page.PageError += (_, error) => ConsoleErrors.Add($"{name}: {error}");
        await page.GotoAsync($"/join/{ApiClient.Text(Invites, role)}");
        await Assertions.Expect(page.GetByLabel("Your time zone")).ToHaveValueAsync(zone);
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My sessions" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Errors the pages wrote to their consoles.</summary>
    public List<string> ConsoleErrors { get; } = [];

    /// <summary>The facilitator schedules a session through the API with their browser's token, from a protocol template if one is named.</summary>
    public async Task<string> ScheduleAsync(IPage facilitator, string title, string? template = null)
    {
        var token = await facilitator.EvaluateAsync<string>("() => localStorage.getItem('coplive.token')");
        var start = DateTime.UtcNow.Date.AddDays(1).ToString("yyyy-MM-dd") + "T16:00";
        object body = template is null
            ? new
            {
                title,
                start,
                timeZone = "America/Chicago",
                durationMinutes = 60,
                agenda = new object[] { new { title = "Presenting", minutes = 10 }, new { title = "Feedback", minutes = 20 } },
            }
            : new { title, start, timeZone = "America/Chicago", template };
        var scheduled = await gateway.Api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{Community}/sessions", body, token);
        return ApiClient.Text(scheduled, "id");
    }

    /// <summary>The facilitator starts the session from its page; then each member opens it and sees the plan.</summary>
    public async Task StartAsync(IPage facilitator, string session, params IPage[] members)
    {
        await facilitator.GotoAsync($"/sessions/{session}");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
        await Assertions.Expect(facilitator.GetByRole(AriaRole.Button, new() { Name = "Start agenda" })).ToBeVisibleAsync();
        foreach (var page in members)
        {
            await page.GotoAsync($"/sessions/{session}");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lesson plan" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".cm-content")).ToContainTextAsync("# ");
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }
}
