using CopLive.Admin.Tui.Live;
using CopLive.Admin.Tui.ViewModels;
using CopLive.Admin.Tui.Views;
using CopLive.Client.Admin;
using NodaTime;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;

namespace CopLive.Admin.Tui.Tests.Views;

/// <summary>
/// The real console window on Terminal.Gui's ANSI driver with virtual time: keys are injected, queued UI work is
/// run by <see cref="ScreenAsync"/>, and the screen is read back as text.
/// </summary>
internal sealed class HeadlessConsole : IDisposable
{
    private readonly IApplication _app;
    private readonly SessionToken _session;
    private readonly LiveFeed? _feed;
    private readonly ManualResetEventSlim _release = new();
    private readonly Thread _owner;

    public HeadlessConsole(ConsoleStore store, IModerationActions actions, IAdminQueries queries, AdminConnection? connection = null)
    {
        // The test's own thread returns to the pool at every await, so a background thread could be mistaken for
        // the UI thread and run UI work in place. A parked thread initializes (and so owns) the application
        // instead; queued UI work then runs only in ScreenAsync, one piece at a time, as in the real loop.
        IApplication? app = null;
        using var ready = new ManualResetEventSlim();
        _owner = new Thread(() =>
        {
            app = Application.Create(new VirtualTimeProvider());
            app.Init(DriverRegistry.Names.ANSI);
            ready.Set();
            _release.Wait();
        }) { IsBackground = true, Name = "console UI owner" };
        _owner.Start();
        ready.Wait();
        _app = app!;
        _app.Driver!.SetScreenSize(140, 30);
        Ui = new UiThread(_app);
        Model = new ConsoleViewModel(store, actions, queries, Ui.Post, SystemClock.Instance, DateTimeZone.Utc);
        Window = new ConsoleWindow(_app, Model, new Uri("http://127.0.0.1:5000"));
        Ui.AfterEach = () =>
        {
            Renders++;
            Window.Render();
        };
        if (connection is not null)
        {
            _feed = new LiveFeed(connection, store, Model, Ui);
        }
        // Terminal.Gui makes the calling thread's awaits continue on its main loop, which here runs only inside
        // ScreenAsync; the test's awaits must not wait for it.
        var context = SynchronizationContext.Current;
        _session = _app.Begin(Window)!;
        SynchronizationContext.SetSynchronizationContext(context);
    }

    /// <summary>Connects to a real gateway's admin hub and opens the console on what it shows.</summary>
    public static async Task<HeadlessConsole> ConnectAsync(Uri gateway, string credential)
    {
        var connection = new AdminConnection(gateway, credential);
        await connection.StartAsync();
        var store = new ConsoleStore();
        store.Load(await connection.OpenBoardAsync());
        return new HeadlessConsole(store, connection, connection, connection) { Connection = connection };
    }

    /// <summary>The gateway connection, when the console has one (it is closed with the console).</summary>
    public AdminConnection? Connection { get; private init; }

    public ConsoleStore Store => Model.Store;

    public UiThread Ui { get; }

    public ConsoleViewModel Model { get; }

    public ConsoleWindow Window { get; }

    /// <summary>How many passes of queued work ended in a redraw.</summary>
    public int Renders { get; private set; }

    public void Press(params Key[] keys)
    {
        var context = SynchronizationContext.Current;
        foreach (var key in keys)
        {
            _app.InjectKey(key);
        }
        SynchronizationContext.SetSynchronizationContext(context);
    }

    public void Type(string text) => Press([.. text.Select(c => new Key(c))]);

    /// <summary>Runs queued UI work and redraws until the screen satisfies <paramref name="done"/>; fails showing the screen otherwise.</summary>
    public async Task<string> ScreenAsync(Func<string, bool> done)
    {
        var patience = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            _app.TimedEvents!.RunTimers();
            _app.LayoutAndDraw(true);
            var screen = _app.Driver!.ToString() ?? "";
            if (done(screen))
            {
                return screen;
            }
            if (DateTime.UtcNow > patience)
            {
                Assert.Fail($"The screen never showed what was expected:\n{screen}");
            }
            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    public Task<string> ScreenShowsAsync(params string[] texts) => ScreenAsync(screen => texts.All(screen.Contains));

    /// <summary>Filters the current table (<c>/</c>) and waits until the filter applies.</summary>
    public Task<string> FilterAsync(string text)
    {
        Press(new Key('/'));
        Type(text);
        Press(Key.Enter);
        return ScreenShowsAsync($"filter '{text}'");
    }

    public void Dispose()
    {
        _feed?.Dispose();
        Window.Stop();
        _app.End(_session);
        Window.Dispose();
        _app.Dispose();
        _release.Set();
        Connection?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
