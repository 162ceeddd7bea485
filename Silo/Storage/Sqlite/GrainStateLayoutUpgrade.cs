using Microsoft.Data.Sqlite;

namespace CopLive.Silo.Storage.Sqlite;

/// <summary>
/// Moves the rows of the <c>GrainState</c> table of earlier builds into the table's current layout, inside the schema
/// installer's transaction. Earlier builds made it a <c>WITHOUT ROWID</c> table with the payload before the version:
/// its rows live in the key's b-tree, and SQLite compares a key against a row that spills onto overflow pages (a
/// segment, a snapshot) by reading the whole row, and reads the version of such a row through its overflow pages,
/// bypassing the page cache both times. A rowid table with a unique key and the payload last keeps look-ups and
/// version checks to small cells.
/// </summary>
/// <remarks>
/// Run <see cref="SetAsideAsync"/> before the scripts, which then create the current table, and
/// <see cref="MoveRowsAsync"/> after them. A database already in the current layout is left as it is.
/// </remarks>
internal sealed class GrainStateLayoutUpgrade(SqliteConnection connection, SqliteTransaction transaction)
{
    private const string SetAsideName = "GrainStateWithoutRowid";

    private bool _setAside;

    /// <summary>Renames a <c>GrainState</c> table in the old layout out of the scripts' way, if there is one.</summary>
    public async Task SetAsideAsync(CancellationToken cancellationToken)
    {
        await using var layout = Command("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'GrainState'");
        if (await layout.ExecuteScalarAsync(cancellationToken) is not string sql
            || !sql.Contains("WITHOUT ROWID", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        await using var rename = Command($"ALTER TABLE GrainState RENAME TO {SetAsideName}");
        await rename.ExecuteNonQueryAsync(cancellationToken);
        _setAside = true;
    }

    /// <summary>Copies the set-aside rows, versions and instants unchanged, into the new table and drops the old one; returns how many.</summary>
    public async Task<int> MoveRowsAsync(CancellationToken cancellationToken)
    {
        if (!_setAside)
        {
            return 0;
        }
        await using var copy = Command($"""
            INSERT INTO GrainState (ServiceId, StateName, GrainId, Version, ModifiedOn, Payload)
            SELECT ServiceId, StateName, GrainId, Version, ModifiedOn, Payload FROM {SetAsideName}
            """);
        var moved = await copy.ExecuteNonQueryAsync(cancellationToken);
        await using var drop = Command($"DROP TABLE {SetAsideName}");
        await drop.ExecuteNonQueryAsync(cancellationToken);
        return moved;
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
