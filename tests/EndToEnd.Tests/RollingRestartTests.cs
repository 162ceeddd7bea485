using CopLive.TestSupport;

namespace CopLive.EndToEnd.Tests;

/// <summary>
/// An operator restarts a cluster's silos one at a time with SIGTERM (an upgrade, a reboot) while teachers type.
/// </summary>
public sealed class RollingRestartTests : IAsyncLifetime
{
    private const string AdminKey = "rolling-restart-admin-key-0123456789abcdef";
    private const string Active = "SELECT count(*) FROM orleansmembershiptable WHERE status = 3";
    private PostgresServer _postgres = null!;

    public async Task InitializeAsync() => _postgres = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await _postgres.DisposeAsync();

    [Fact]
    public async Task SilosStoppedOneAtATime_DrainTheirWrites_AndTheTypistsLoseAndRepeatNothing()
    {
        using var folder = new TempFolder("coplive-rolling-restart");
        var database = await _postgres.CreateDatabaseAsync();
        var cluster = PostgresClusterArguments.For(database);
        var silos = new List<ProductProcess>
        {
            await ProductProcess.StartSiloAsync(folder.Path, [.. cluster, .. PostgresClusterArguments.SiloPorts()]),
            await ProductProcess.StartSiloAsync(folder.Path, [.. cluster, .. PostgresClusterArguments.SiloPorts()]),
        };
        await using var one = await ProductProcess.StartGatewayAsync(folder.Path, [.. cluster, .. PostgresClusterArguments.ClientGateway(AdminKey)]);
        await using var two = await ProductProcess.StartGatewayAsync(folder.Path, [.. cluster, .. PostgresClusterArguments.ClientGateway(AdminKey)]);
        using var api = new ApiClient(one.Address);
        await using var typists = await Typists.JoinAsync(api, AdminKey, i => [i % 2 == 0 ? one.Address : two.Address]);
        var exitCodes = new List<int>();

        using var stop = new CancellationTokenSource();
        var typing = typists.TypeUntilAsync(0, stop.Token);
        try
        {
            await typists.HaveTypedAsync(5);
            for (var i = 0; i < silos.Count; i++)
            {
                exitCodes.Add(await silos[i].StopAsync());
                await silos[i].DisposeAsync();
                silos[i] = await ProductProcess.StartSiloAsync(folder.Path, [.. cluster, .. PostgresClusterArguments.SiloPorts()]);
                await Patiently.HoldsAsync(async () => await Patiently.CountAsync(database, Active) == 2, "The restarted silo never joined.");
            }
            await typists.HaveTypedAsync(5 + 20);
        }
        finally
        {
            await stop.CancelAsync();
        }
        var typed = await typing;
        await typists.SettleAsync();

        using var reader = new ApiClient(two.Address);
        var text = await typists.ConvergedTextAsync(reader, AdminKey);

        Assert.Equal([0, 0], exitCodes);
        typists.AssertEveryOpOnce(text, typed);
        foreach (var silo in silos)
        {
            await silo.DisposeAsync();
        }
    }
}
