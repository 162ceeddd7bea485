using CopLive.Silo.Hosting;
using CopLive.Silo.Storage;
using CopLive.Silo.Storage.Sqlite;
using CopLive.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace CopLive.Silo.Tests.Storage;

/// <summary>
/// A database written by a build whose <c>GrainState</c> table was <c>WITHOUT ROWID</c> keeps every row, version and
/// instant when a newer build starts on it, and the writer carries on from those versions.
/// </summary>
public sealed class GrainStateLayoutUpgradeTests : IDisposable
{
    // The table as earlier builds created it.
    private const string OldLayout = """
        CREATE TABLE GrainState
        (
            ServiceId  TEXT    NOT NULL,
            StateName  TEXT    NOT NULL,
            GrainId    TEXT    NOT NULL,
            Payload    BLOB    NULL,
            Version    INTEGER NOT NULL,
            ModifiedOn TEXT    NOT NULL,
            PRIMARY KEY (ServiceId, StateName, GrainId)
        ) WITHOUT ROWID;
        """;

    private readonly TempFolder _folder = new("coplive-layout");
    private readonly StorageSettings _storage;

    public GrainStateLayoutUpgradeTests() =>
        _storage = StorageSettings.ForSqlite(Path.Combine(_folder.Path, "coplive.db"));

    [Fact]
    public async Task RowsOfTheOldLayout_AreKeptThroughTheUpgrade_AndWrittenOnAtTheirVersions()
    {
        var segment = Enumerable.Range(0, 20_000).Select(i => (byte)i).ToArray();
        Execute(OldLayout);
        Execute("""
            INSERT INTO GrainState VALUES ('service', 'segment', 'doc/0', $segment, 3, '2026-12-01T10:00:00.000Z');
            INSERT INTO GrainState VALUES ('service', 'documentTail', 'doc/1', X'0102', 7, '2026-12-01T10:00:01.500Z');
            INSERT INTO GrainState VALUES ('service', 'documentTail', 'doc/2', NULL, 2, '2026-12-01T10:00:02.000Z');
            """, ("$segment", segment));

        await InstallAsync();
        await InstallAsync();

        Assert.DoesNotContain("WITHOUT ROWID", Scalar<string>("SELECT sql FROM sqlite_master WHERE name = 'GrainState'"));
        Assert.Equal(0, Scalar<long>("SELECT count(*) FROM sqlite_master WHERE name = 'GrainStateWithoutRowid'"));
        Assert.Equal(
            [
                ("doc/0", 3L, "2026-12-01T10:00:00.000Z", Convert.ToHexString(segment)),
                ("doc/1", 7L, "2026-12-01T10:00:01.500Z", "0102"),
                ("doc/2", 2L, "2026-12-01T10:00:02.000Z", null),
            ],
            Rows());

        var writer = new StateWriter(_storage.ConnectionString, SystemClock.Instance, (_, _) => { }, NullLogger.Instance);
        try
        {
            Assert.Null(await writer.ApplyAsync(new StateChange(StateChangeKind.Write, new StateKey("service", "documentTail", "doc/1"), [9], 6)));
            Assert.Equal(8, await writer.ApplyAsync(new StateChange(StateChangeKind.Write, new StateKey("service", "documentTail", "doc/1"), [9], 7)));
            Assert.Null(await writer.ApplyAsync(new StateChange(StateChangeKind.Write, new StateKey("service", "documentTail", "doc/1"), [9], null)));
        }
        finally
        {
            writer.Dispose();
        }
    }

    public void Dispose() => _folder.Dispose();

    private Task InstallAsync() =>
        new SchemaInstaller(_storage, NullLogger<SchemaInstaller>.Instance).InstallAsync(CancellationToken.None);

    /// <summary>Every row, its payload in hex (null for a cleared state).</summary>
    private List<(string GrainId, long Version, string ModifiedOn, string? Payload)> Rows()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT GrainId, Version, ModifiedOn, Payload FROM GrainState ORDER BY GrainId";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, long, string, string?)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.IsDBNull(3) ? null : Convert.ToHexString((byte[])reader.GetValue(3))));
        }
        return rows;
    }

    private T Scalar<T>(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }

    private void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        command.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_storage.ConnectionString);
        connection.Open();
        return connection;
    }
}
