using CopLive.TestSupport;

namespace CopLive.EndToEnd.Tests;

/// <summary>
/// A gateway process dies (SIGKILL) while people type through it; their clients know the cluster's other gateway.
/// </summary>
public sealed class GatewayLossTests : IAsyncLifetime
{
    private const string AdminKey = "gateway-loss-admin-key-0123456789abcdef";
    private const int OpsEach = 30;
    private PostgresServer _postgres = null!;

    public async Task InitializeAsync() => _postgres = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await _postgres.DisposeAsync();

    [Fact]
    public async Task EditorsOfALostGateway_ReconnectThroughTheOther_CatchUp_AndLoseNothingAcknowledged()
    {
        using var folder = new TempFolder("coplive-gateway-loss");
        var cluster = PostgresClusterArguments.For(await _postgres.CreateDatabaseAsync());
        await using var silo = await ProductProcess.StartSiloAsync(folder.Path, [.. cluster, .. PostgresClusterArguments.SiloPorts()]);
        var doomed = await ProductProcess.StartGatewayAsync(folder.Path, [.. cluster, .. PostgresClusterArguments.ClientGateway(AdminKey)]);
        await using var first = doomed;
        await using var second = await ProductProcess.StartGatewayAsync(folder.Path, [.. cluster, .. PostgresClusterArguments.ClientGateway(AdminKey)]);
        using var api = new ApiClient(first.Address);
        // Every typist lists both gateways and starts on the first, the one that will die.
        await using var typists = await Typists.JoinAsync(api, AdminKey, _ => [first.Address, second.Address]);

        var typing = typists.TypeAsync(0, OpsEach);
        await typists.HaveTypedAsync(8);
        await doomed.Process.KillAsync();
        await typing;
        await typists.SettleAsync();

        using var survivor = new ApiClient(second.Address);
        var text = await typists.ConvergedTextAsync(survivor, AdminKey);

        Assert.True(typists.AllConnected);
        typists.AssertEveryOpOnce(text, OpsEach);
    }
}
