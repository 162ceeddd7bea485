using CopLive.Silo.Hosting;
using CopLive.TestSupport;

namespace CopLive.Silo.Tests.Fixtures;

/// <summary>The cluster on a fresh SQLite file.</summary>
public sealed class SqliteClusterFixture : ClusterFixture
{
    private readonly TempFolder _folder = new("coplive-silo-sqlite");

    protected override Task<StorageSettings> CreateStorageAsync() =>
        Task.FromResult(StorageSettings.ForSqlite(Path.Combine(_folder.Path, "coplive.db")));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
