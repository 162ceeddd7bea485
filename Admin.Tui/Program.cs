using CopLive.Admin.Tui.Live;
using CopLive.Admin.Tui.Startup;
using CopLive.Admin.Tui.ViewModels;
using CopLive.Admin.Tui.Views;
using CopLive.Client.Admin;
using CopLive.Client.Live;
using CopLive.Protocol.Moderation;
using Microsoft.AspNetCore.SignalR;
using NodaTime;
using Terminal.Gui.App;

// The moderators' console: connect first (so a wrong address or credential is a plain message and a non-zero
// exit code), then hand the terminal to Terminal.Gui.
ConsoleOptions options;
try
{
    options = ConsoleOptions.Parse(args, Environment.GetEnvironmentVariable, File.ReadAllText);
}
catch (ConsoleOptionsException e)
{
    if (e.Problem is not null)
    {
        Console.Error.WriteLine(e.Problem);
    }
    Console.Error.WriteLine(ConsoleOptions.Usage);
    return e.Problem is null ? ExitCodes.Ok : ExitCodes.Usage;
}

await using var connection = new AdminConnection(options.Gateways, options.Credential);
Board board;
try
{
    using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
    await connection.StartAsync(patience.Token);
    board = await connection.OpenBoardAsync();
}
catch (HttpRequestException e) when (e.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
{
    Console.Error.WriteLine($"The gateway at {options.Gateway} refused the credential from {options.CredentialSource}: it is not the admin key or a valid member token.");
    return ExitCodes.Refused;
}
catch (HubException e)
{
    Console.Error.WriteLine($"The gateway at {options.Gateway} refused this console: {HubError.Describe(e)}");
    return ExitCodes.Refused;
}
catch (Exception e) when (e is HttpRequestException or OperationCanceledException or System.Net.Sockets.SocketException)
{
    Console.Error.WriteLine($"Cannot reach a CopLive gateway at {options.Gateway}: {e.Message}");
    return ExitCodes.Unreachable;
}

using IApplication app = Application.Create();
app.Init();
var store = new ConsoleStore();
store.Load(board);
var ui = new UiThread(app);
var model = new ConsoleViewModel(store, connection, connection, ui.Post, SystemClock.Instance, DateTimeZoneProviders.Tzdb.GetSystemDefault());
using var window = new ConsoleWindow(app, model, options.Gateway);
ui.AfterEach = window.Render;
using var feed = new LiveFeed(connection, store, model, ui);
window.IsRunningChanged += (_, e) =>
{
    if (!e.Value)
    {
        ui.Stop();
    }
};
app.Run(window);
return ExitCodes.Ok;

/// <summary>The console's exit codes.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Usage = 2;
    public const int Refused = 3;
    public const int Unreachable = 4;
}
