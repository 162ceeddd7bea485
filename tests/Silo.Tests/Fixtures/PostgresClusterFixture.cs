using CopLive.Silo.Hosting;
using CopLive.TestSupport;

namespace CopLive.Silo.Tests.Fixtures;

/// <summary>The cluster on a fresh database of a real PostgreSQL server.</summary>
public sealed class PostgresClusterFixture : ClusterFixture
{
    private PostgresServer? _server;

    protected override async Task<StorageSettings> CreateStorageAsync()
    {
        _server = await PostgresServer.StartAsync();
        return new StorageSettings(StorageProvider.Postgres, await _server.CreateDatabaseAsync());
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
