using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace CopLive.Bench;

/// <summary>
/// Session page load (<c>--page-load CHARS</c>): a live meeting whose lesson plan is <c>CHARS</c> characters (lines of
/// 34) is opened by a teacher in Debian's Chromium, headless; each load is timed from navigation start to the plan
/// being shown and editable (the hub connected, the session joined, the document opened and drawn): the first load
/// after the server started, then the median and worst of <c>--loads</c> first visits (a fresh browser each) and of
/// as many reloads.
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
        // The first load meets a server that has not run these paths yet; then each first visit is a fresh browser
        // (nothing cached, a new connection), and each reload is the same tab loading the page again.
        var serverCold = await LoadAsync(browser, server.Address, teacher, session, fresh: true, 1);
        var firstVisits = await LoadAsync(browser, server.Address, teacher, session, fresh: true, loads);
        var reloads = await LoadAsync(browser, server.Address, teacher, session, fresh: false, loads);
        var text = await BenchHttp.GetAsync(http, $"/api/documents/{plan}", teacher);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"page-load plan={text["text"]!.GetValue<string>().Length:N0} chars: first load after the server started {serverCold[0]:F0} ms; first visit (fresh browser) median {Median(firstVisits):F0} ms, worst {firstVisits[^1]:F0} ms; reload median {Median(reloads):F0} ms, worst {reloads[^1]:F0} ms ({loads} each)"));
        return 0;
    }

    /// <summary>Times <paramref name="count"/> loads, sorted: each in a new browser context when <paramref name="fresh"/>, else reloads of one tab.</summary>
    private static async Task<List<double>> LoadAsync(IBrowser browser, Uri server, string token, string session, bool fresh, int count)
    {
        var times = new List<double>();
        IBrowserContext? shared = null;
        IPage? tab = null;
        for (var i = 0; i < count; i++)
        {
            var context = fresh ? await NewContextAsync(browser, server, token) : shared ??= await NewContextAsync(browser, server, token);
            var page = fresh ? await context.NewPageAsync() : tab ??= await context.NewPageAsync();
            await page.GotoAsync($"/sessions/{session}");
            await page.WaitForFunctionAsync("() => document.querySelector('.cm-content')?.getAttribute('contenteditable') === 'true'", null, new() { Timeout = 60_000, PollingInterval = 5 });
            times.Add(await page.EvaluateAsync<double>("() => performance.now()"));
            if (fresh)
            {
                await context.DisposeAsync();
            }
        }
        if (shared is not null)
        {
            await shared.DisposeAsync();
        }
        return [.. times.Order()];
    }

    private static async Task<IBrowserContext> NewContextAsync(IBrowser browser, Uri server, string token)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = server.ToString(), ViewportSize = new() { Width = 1280, Height = 800 } });
        await context.AddInitScriptAsync($"localStorage.setItem('coplive.token', '{token}')");
        return context;
    }

    private static double Median(List<double> sorted) => sorted[sorted.Count / 2];
}
