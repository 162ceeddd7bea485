using Microsoft.Playwright;

namespace CopLive.Web.Tests;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>), headless, driven by Playwright; Playwright never downloads a
/// browser here. Background networking is off because this machine's network is closed.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string Executable = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Chromium { get; private set; } = null!;

    /// <summary>Where the tests leave their screenshots.</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Executable), $"The browser tests need Debian's chromium at {Executable} (apt-get install -y chromium).");
        // A busy CI machine shares two cores between the server, the browser and the tests: wait patiently.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>The text the page's editor shows, line by line (without the others' cursor labels).</summary>
    public static Task<string> EditorTextAsync(IPage page) =>
        page.EvaluateAsync<string>("""
            () => Array.from(document.querySelectorAll('.cm-line')).map(line => {
                const copy = line.cloneNode(true);
                copy.querySelectorAll('.remote-caret').forEach(caret => caret.remove());
                return copy.textContent;
            }).join('\n')
            """);

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
