using CopLive.Silo.Hosting;
using CopLive.Silo.Storage;
using CopLive.Silo.Storage.Sqlite;
using CopLive.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;

namespace CopLive.Silo.Tests.Storage;

/// <summary>The SQLite writer thread on a real database file, below the grain-storage contract.</summary>
public sealed class StateWriterTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new("coplive-writer");
    private StorageSettings _storage = null!;

    public async Task InitializeAsync()
    {
        _storage = StorageSettings.ForSqlite(Path.Combine(_folder.Path, "coplive.db"));
        await new SchemaInstaller(_storage, NullLogger<SchemaInstaller>.Instance).InstallAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AChangeTheDatabaseRefuses_FailsAlone_AndTheOthersAreCommitted()
    {
        // The database itself refuses one row, as a full disk or a corrupt page would refuse a write.
        Execute("""
            CREATE TRIGGER RefuseBroken BEFORE INSERT ON GrainState WHEN NEW.GrainId = 'broken'
            BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
            """);
        var writer = new StateWriter(_storage.ConnectionString, SystemClock.Instance, (_, _) => { }, NullLogger.Instance);
        try
        {
            // Queued together, so they can share a commit with the refused one.
            var good = Enumerable.Range(0, 50).Select(i => writer.ApplyAsync(Write($"grain-{i}"))).ToList();
            var bad = writer.ApplyAsync(Write("broken"));
            var more = Enumerable.Range(50, 50).Select(i => writer.ApplyAsync(Write($"grain-{i}"))).ToList();

            await Assert.ThrowsAsync<SqliteException>(() => bad);
            Assert.All(await Task.WhenAll(good.Concat(more)), version => Assert.Equal(1, version));
        }
        finally
        {
            writer.Dispose();
        }
        Assert.Equal(100, Rows());
    }

    [Fact]
    public void EveryCommit_IsSyncedToDisk_BeforeItCompletes()
    {
        var writer = new StateWriter(_storage.ConnectionString, SystemClock.Instance, (_, _) => { }, NullLogger.Instance);
        try
        {
            // FULL fsyncs the WAL at every commit; NORMAL (SQLite's usual WAL setting) could lose acknowledged ops.
            Assert.Equal(SynchronousMode.Full, writer.Synchronous);
        }
        finally
        {
            writer.Dispose();
        }
    }

    [Fact]
    public async Task Dispose_CommitsWhatIsQueued_ThenRefusesNewChanges()
    {
        var writer = new StateWriter(_storage.ConnectionString, SystemClock.Instance, (_, _) => { }, NullLogger.Instance);
        var queued = Enumerable.Range(0, 20).Select(i => writer.ApplyAsync(Write($"grain-{i}"))).ToList();

        writer.Dispose();

        Assert.All(await Task.WhenAll(queued), version => Assert.Equal(1, version));
        Assert.Throws<ObjectDisposedException>(() => { _ = writer.ApplyAsync(Write("late")); });
        Assert.Equal(20, Rows());
    }

    [Fact]
    public async Task EachRow_IsStampedWithItsCommitsInstant_AndAStaleVersionChangesNothing()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 12, 2, 7, 30, 15) + Duration.FromMilliseconds(250));
        var writer = new StateWriter(_storage.ConnectionString, clock, (_, _) => { }, NullLogger.Instance);
        try
        {
            Assert.Equal(1, await writer.ApplyAsync(Write("grain")));
            clock.Advance(Duration.FromMinutes(1));
            Assert.Null(await writer.ApplyAsync(new StateChange(StateChangeKind.Write, new StateKey("service", "probe", "grain"), [9], 7)));
        }
        finally
        {
            writer.Dispose();
        }
        using var connection = new SqliteConnection(_storage.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ModifiedOn, Version, Payload FROM GrainState";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal("2026-12-02T07:30:15.250Z", reader.GetString(0));
        Assert.Equal(1, reader.GetInt64(1));
        Assert.Equal([1, 2, 3], (byte[])reader.GetValue(2));
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    private static StateChange Write(string grainId) =>
        new(StateChangeKind.Write, new StateKey("service", "probe", grainId), [1, 2, 3], null);

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection(_storage.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Rows()
    {
        using var connection = new SqliteConnection(_storage.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM GrainState";
        return (long)command.ExecuteScalar()!;
    }
}
