using CopLive.Gateway.Hosting;
using CopLive.TestSupport;
using Xunit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CopLive.GatewayHarness;

/// <summary>
/// The real gateway on a real Kestrel port with its embedded silo on a fresh SQLite folder, wired by the same
/// extension methods as Program.cs.
/// </summary>
public class GatewayFixture : IAsyncLifetime
{
    public const string AdminKey = "test-admin-key-0123456789abcdef";

    private readonly TempFolder _data = new("coplive-gateway");
    private WebApplication? _app;

    public ApiClient Api { get; private set; } = null!;

    public string DataFolder => _data.Path;

    /// <summary>The running gateway's services.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The gateway has not started.");

    /// <summary>Everything the server logged at Error or worse.</summary>
    public ErrorLog ServerErrors { get; } = new();

    /// <summary>Settings given to this gateway on top of the defaults, as command-line arguments.</summary>
    protected virtual IEnumerable<string> Settings => [];

    /// <summary>Adds to the gateway's services after the product's own composition.</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args =
            [
                "--urls", "http://127.0.0.1:0",
                "--Data", _data.Path,
                "--Auth:AdminKey", AdminKey,
                "--Orleans:SiloPort", FreePort.Next().ToString(),
                "--Orleans:GatewayPort", FreePort.Next().ToString(),
                "--Logging:LogLevel:Default", "Warning",
                .. Settings,
            ],
        });
        builder.Logging.AddProvider(ServerErrors);
        builder.AddCopLiveGateway();
        Configure(builder);
        _app = builder.Build();
        _app.MapCopLiveGateway();
        await _app.StartAsync();

        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Api = new ApiClient(new Uri(address));
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
