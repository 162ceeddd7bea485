using System.Net;
using CopLive.TestSupport;

namespace CopLive.EndToEnd.Tests;

/// <summary>
/// The deployment topology: a standalone silo process on PostgreSQL (clustering and persistence), and gateways
/// running as Orleans clients of it (<c>--Orleans:Mode=Client</c>) serving the REST API.
/// </summary>
public sealed class ClusterModeTests : IAsyncLifetime
{
    private PostgresServer _postgres = null!;

    public async Task InitializeAsync() => _postgres = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await _postgres.DisposeAsync();

    [Fact]
    public async Task GatewayInClientMode_ServesTheApiFromASeparateSiloOnPostgres()
    {
        using var folder = new TempFolder("coplive-cluster");
        var database = await _postgres.CreateDatabaseAsync();
        var gatewayPort = FreePort.Next().ToString();
        string[] cluster = [.. PostgresClusterArguments.For(database), "--Orleans:GatewayPort", gatewayPort];
        const string adminKey = "cluster-admin-key-0123456789abcdef";

        await using var silo = await ProductProcess.StartSiloAsync(folder.Path, [.. cluster, "--Orleans:SiloPort", FreePort.Next().ToString()]);
        string community;
        string token;
        await using (var gateway = await StartClientGatewayAsync(folder.Path, cluster, adminKey))
        {
            using var api = new ApiClient(gateway.Address);
            (community, var invites) = await api.CreateCommunityAsync(adminKey);
            (_, token) = await api.JoinAsync(ApiClient.Text(invites, "owner"), "Ms. Rivera");
            Assert.Contains("Client mode", gateway.Process.Output);
        }

        // A second gateway, a new process, finds the same state through the silo.
        await using var another = await StartClientGatewayAsync(folder.Path, cluster, adminKey);
        using var again = new ApiClient(another.Address);
        var details = await again.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/communities/{community}", bearer: adminKey);
        await again.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/readyz");

        Assert.Equal("Ms. Rivera", ApiClient.Text(Assert.Single(details["members"]!.AsArray())!, "displayName"));
        Assert.False(File.Exists(Path.Combine(folder.Path, "data", "coplive.db")), "client-mode gateways keep no SQLite database");
        Assert.True(await Patiently.CountAsync(database, "SELECT count(*) FROM orleansstorage") >= 2);
        Assert.Equal(1, await Patiently.CountAsync(database, "SELECT count(*) FROM orleansmembershiptable WHERE status = 3"));
    }

    [Fact]
    public async Task EmbeddedGatewayOnPostgres_JoinsTheClusterAsASilo_AndServesWhatTheOtherSiloStored()
    {
        using var folder = new TempFolder("coplive-embedded-joins");
        var database = await _postgres.CreateDatabaseAsync();
        var cluster = PostgresClusterArguments.For(database);
        const string adminKey = "embedded-joins-admin-key-0123456789abcdef";

        await using var silo = await ProductProcess.StartSiloAsync(folder.Path, [.. cluster, .. PostgresClusterArguments.SiloPorts()]);
        await using var client = await StartClientGatewayAsync(folder.Path, cluster, adminKey);
        using var api = new ApiClient(client.Address);
        var (community, _) = await api.CreateCommunityAsync(adminKey);

        // No --Orleans:Mode: the gateway hosts a silo of its own, which joins the same cluster through PostgreSQL.
        await using var embedded = await ProductProcess.StartGatewayAsync(folder.Path,
            [.. cluster, .. PostgresClusterArguments.SiloPorts(), "--Auth:AdminKey", adminKey]);
        using var again = new ApiClient(embedded.Address);
        var details = await again.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/communities/{community}", bearer: adminKey);

        Assert.Equal(community, ApiClient.Text(details, "id"));
        Assert.Equal(2, await Patiently.CountAsync(database, "SELECT count(*) FROM orleansmembershiptable WHERE status = 3"));
        Assert.False(File.Exists(Path.Combine(folder.Path, "data", "coplive.db")), "on PostgreSQL the embedded silo keeps no SQLite database");
    }

    private static Task<RunningGateway> StartClientGatewayAsync(string folder, string[] cluster, string adminKey) =>
        ProductProcess.StartGatewayAsync(folder, [.. cluster, "--Orleans:Mode", "Client", "--Auth:AdminKey", adminKey]);
}
