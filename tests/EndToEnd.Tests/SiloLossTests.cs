using CopLive.TestSupport;

namespace CopLive.EndToEnd.Tests;

/// <summary>
/// A cluster as a district runs it: three silos on PostgreSQL and two gateways in client mode, each a process of its own.
/// The silo holding a document is killed (SIGKILL, not restarted) while people type into it.
/// </summary>
public sealed class SiloLossTests : IAsyncLifetime
{
    private const string AdminKey = "silo-loss-admin-key-0123456789abcdef";
    private const int OpsEach = 30;
    private PostgresServer _postgres = null!;

    public async Task InitializeAsync() => _postgres = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await _postgres.DisposeAsync();

    [Fact]
    public async Task CoEditing_GoesOnThroughTheOtherSilos_WhenTheSiloHoldingTheDocumentDies_LosingAndRepeatingNothing_AndWatchersFollow()
    {
        using var folder = new TempFolder("coplive-silo-loss");
        var database = await _postgres.CreateDatabaseAsync();
        var cluster = PostgresClusterArguments.For(database);

        // The first silo is alone when the document is first opened, so its grains live there; two more join after, so
        // the dead one is declared dead by the votes of two survivors, as in a real three-machine cluster.
        var first = await ProductProcess.StartSiloAsync(folder.Path, [.. cluster, .. PostgresClusterArguments.SiloPorts()]);
        await using var firstSilo = first;
        // Periodic renewal is put out of reach, so only the renewal the lost silo triggers can bring the watcher ops again.
        string[] gateway = [.. cluster, .. PostgresClusterArguments.ClientGateway(AdminKey), "--Fanout:RenewSeconds", "3600"];
        await using var one = await ProductProcess.StartGatewayAsync(folder.Path, gateway);
        await using var two = await ProductProcess.StartGatewayAsync(folder.Path, gateway);
        using var api = new ApiClient(one.Address);
        await using var typists = await Typists.JoinAsync(api, AdminKey, i => [i % 2 == 0 ? one.Address : two.Address], watchers: 1);
        await typists.TypeAsync(0, 5);

        await using var secondSilo = await ProductProcess.StartSiloAsync(folder.Path, [.. cluster, .. PostgresClusterArguments.SiloPorts()]);
        await using var thirdSilo = await ProductProcess.StartSiloAsync(folder.Path, [.. cluster, .. PostgresClusterArguments.SiloPorts()]);
        await Patiently.HoldsAsync(async () => await Patiently.CountAsync(database, "SELECT count(*) FROM orleansmembershiptable WHERE status = 3") == 3,
            "The other silos never joined.");

        var typing = typists.TypeAsync(5, OpsEach);
        await typists.HaveTypedAsync(12);
        await first.KillAsync();
        await typing;
        await typists.SettleAsync();

        using var survivor = new ApiClient(two.Address);
        var text = await typists.ConvergedTextAsync(survivor, AdminKey);

        typists.AssertEveryOpOnce(text, OpsEach);
        Assert.Equal(1, await Patiently.CountAsync(database, "SELECT count(*) FROM orleansmembershiptable WHERE status = 6"));
    }
}
