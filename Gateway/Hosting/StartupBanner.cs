namespace CopLive.Gateway.Hosting;

/// <summary>Tells the operator, once the server is up, where its data and admin key are (never the key itself).</summary>
internal sealed partial class StartupBanner(
    GatewayStartup startup,
    IHostApplicationLifetime lifetime,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            LogMode(startup.Mode, startup.DataFolder);
            if (startup.AdminKeyFile is { } file)
            {
                LogAdminKeyFile(file);
            }
            else
            {
                LogAdminKeyConfigured();
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "CopLive gateway running ({Mode} mode), data folder {DataFolder}")]
    private partial void LogMode(GatewayMode mode, string dataFolder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin key file: {AdminKeyFile} (present its contents as 'Authorization: Bearer <key>')")]
    private partial void LogAdminKeyFile(string adminKeyFile);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin key: from configuration (Auth:AdminKey)")]
    private partial void LogAdminKeyConfigured();
}
