using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace CopLive.Bench;

/// <summary>
/// Session page load (<c>--page-load CHARS</c>): a live meeting whose lesson plan is <c>CHARS</c> characters (lines of
/// 34) is opened by a teacher in Debian's Chromium, headless; each load is timed from navigation start to the plan
/// being shown and editable (the hub connected, the session joined, the document opened and drawn). The first load
/// is cold (nothing cached); the rest are the median and worst of <c>--loads</c> reloads.
/// </summary>
internal static class PageLoadBench
{
    public const string Switch = "--page-load";
    private const string Chromium = "/usr/bin/chromium";

    public static async Task<int> RunAsync(string[] args)
    {
        var length = long.Parse(BenchOptions.Required(args, Switch), CultureInfo.InvariantCulture);
        var loads = Array.IndexOf(args, "--loads") is var at and >= 0 ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 10;
        await using var server = await ServerProcess.StartAsync(BuildOutput.Find("Gateway", "CopLive.Gateway.dll"),
            ["--Orleans:SiloPort", ServerProcess.FreePort(), "--Orleans:GatewayPort", ServerProcess.FreePort()]);
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(5) };
        var community = await BenchHttp.PostAsync(http, "/api/communities", new { name = "Page load PLC", timeZone = "UTC" }, server.AdminKey);
        var id = community["id"]!.ToString();
        var facilitator = (await BenchHttp.PostAsync(http, "/api/join", new { inviteCode = (string)community["invites"]!["facilitator"]!, displayName = "Facilitator" }, null))["token"]!.GetValue<string>();
        var teacher = (await BenchHttp.PostAsync(http, "/api/join", new { inviteCode = (string)community["invites"]!["member"]!, displayName = "Teacher" }, null))["token"]!.GetValue<string>();
        var plan = await BenchHttp.CreateLongDocumentAsync(http, server.Address, id, facilitator, "Long plan", length, "Lesson plan line with some words.\n");
        var start = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd'T'16:00", CultureInfo.InvariantCulture);
        var session = (await BenchHttp.PostAsync(http, $"/api/communities/{id}/sessions", new
        {
            title = "Page load", start, timeZone = "UTC", durationMinutes = 60, fromDocumentId = plan,
            agenda = new[] { new { title = "Work", minutes = 60 } },
        }, facilitator))["id"]!.ToString();
        await BenchHttp.PostAsync(http, $"/api/sessions/{session}/start", new { }, facilitator);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
        var context = await browser.NewContextAsync(new() { BaseURL = server.Address.ToString(), ViewportSize = new() { Width = 1280, Height = 800 } });
        await context.AddInitScriptAsync($"localStorage.setItem('coplive.token', '{teacher}')");
        var page = await context.NewPageAsync();
        var times = new List<double>();
        for (var i = 0; i <= loads; i++)
        {
            await page.GotoAsync($"/sessions/{session}");
            await page.WaitForFunctionAsync("() => document.querySelector('.cm-content')?.getAttribute('contenteditable') === 'true'", null, new() { Timeout = 60_000, PollingInterval = 5 });
            times.Add(await page.EvaluateAsync<double>("() => performance.now()"));
        }
        var text = await BenchHttp.GetAsync(http, $"/api/documents/{plan}", teacher);
        var warm = times.Skip(1).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"page-load plan={text["text"]!.GetValue<string>().Length:N0} chars cold={times[0]:F0} ms warm median={warm[warm.Count / 2]:F0} ms worst={warm[^1]:F0} ms ({loads} loads)"));
        return 0;
    }
}
