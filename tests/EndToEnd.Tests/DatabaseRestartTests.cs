using CopLive.TestSupport;

namespace CopLive.EndToEnd.Tests;

/// <summary>
/// PostgreSQL is restarted (fast shutdown: every connection cut) while teachers type through a gateway whose silo
/// stores on it. This test runs its own throwaway PostgreSQL cluster, since it stops the server.
/// </summary>
public sealed class DatabaseRestartTests : IAsyncLifetime
{
    private const string AdminKey = "database-restart-admin-key-0123456789abcdef";
    private PostgresServer _postgres = null!;

    public async Task InitializeAsync() => _postgres = await PostgresServer.StartPrivateAsync();

    public async Task DisposeAsync() => await _postgres.DisposeAsync();

    [Fact]
    public async Task TypingThroughADatabaseRestart_OnlyRetries_AndLosesAndRepeatsNothing()
    {
        using var folder = new TempFolder("coplive-database-restart");
        var cluster = PostgresClusterArguments.For(await _postgres.CreateDatabaseAsync());
        // An embedded gateway: its own silo writes to the database being restarted.
        await using var gateway = await ProductProcess.StartGatewayAsync(folder.Path,
            [.. cluster, .. PostgresClusterArguments.SiloPorts(), "--Auth:AdminKey", AdminKey]);
        using var api = new ApiClient(gateway.Address);
        await using var typists = await Typists.JoinAsync(api, AdminKey, _ => [gateway.Address]);

        using var stop = new CancellationTokenSource();
        var typing = typists.TypeUntilAsync(0, stop.Token);
        try
        {
            await typists.HaveTypedAsync(5);
            await _postgres.RestartAsync(TimeSpan.FromSeconds(3));
            await typists.HaveTypedAsync(5 + 20);
        }
        finally
        {
            await stop.CancelAsync();
        }
        var typed = await typing;
        await typists.SettleAsync();
        var text = await typists.ConvergedTextAsync(api, AdminKey);

        // The restart really cut writes: the document's commit log reported a failed write (and refused its ops).
        Assert.Contains("failed; its unacknowledged ops were refused", gateway.Process.Output);
        Assert.True(typists.AllConnected);
        typists.AssertEveryOpOnce(text, typed);
    }
}
