using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CopLive.Silo.Storage.Sqlite;

/// <summary>
/// A prepared statement of the writer, run through SQLite's own API. <c>SqliteCommand</c> builds a data reader and
/// looks every parameter up by name on each execution; the writer runs a statement per change, so here the
/// parameters' positions are found once and a run is bind, step, reset. A parameter the SQL does not use has
/// position 0 and is skipped.
/// </summary>
internal sealed class Statement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly int _service;
    private readonly int _state;
    private readonly int _grain;
    private readonly int _payload;
    private readonly int _version;
    private readonly int _now;

    /// <summary>Compiles <paramref name="sql"/> once; throws <see cref="SqliteException"/> if SQLite refuses it.</summary>
    public Statement(sqlite3 database, string sql)
    {
        _database = database;
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(database, sql, out _statement), database);
        _service = raw.sqlite3_bind_parameter_index(_statement, "$service");
        _state = raw.sqlite3_bind_parameter_index(_statement, "$state");
        _grain = raw.sqlite3_bind_parameter_index(_statement, "$grain");
        _payload = raw.sqlite3_bind_parameter_index(_statement, "$payload");
        _version = raw.sqlite3_bind_parameter_index(_statement, "$version");
        _now = raw.sqlite3_bind_parameter_index(_statement, "$now");
    }

    /// <summary>Runs the statement without parameters; returns the rows it changed.</summary>
    public int Execute() => Step();

    /// <summary>Runs the statement with <paramref name="change"/>'s values, stamped <paramref name="now"/>; returns the rows it changed.</summary>
    public int Execute(StateChange change, string now)
    {
        Text(_service, change.Key.ServiceId);
        Text(_state, change.Key.StateName);
        Text(_grain, change.Key.GrainId);
        if (_payload > 0)
        {
            Check(change.Payload is { } payload ? raw.sqlite3_bind_blob(_statement, _payload, payload) : raw.sqlite3_bind_null(_statement, _payload));
        }
        if (_version > 0)
        {
            Check(change.Version is { } version ? raw.sqlite3_bind_int64(_statement, _version, version) : raw.sqlite3_bind_null(_statement, _version));
        }
        Text(_now, now);
        return Step();
    }

    public void Dispose() => _statement.Dispose();

    private int Step()
    {
        try
        {
            var result = raw.sqlite3_step(_statement);
            if (result != raw.SQLITE_DONE && result != raw.SQLITE_ROW)
            {
                SqliteException.ThrowExceptionForRC(result, _database);
            }
            return raw.sqlite3_changes(_database);
        }
        finally
        {
            // Ready for the next run, holding no reference to this run's values.
            raw.sqlite3_reset(_statement);
            raw.sqlite3_clear_bindings(_statement);
        }
    }

    private void Text(int position, string value)
    {
        if (position > 0)
        {
            Check(raw.sqlite3_bind_text16(_statement, position, value));
        }
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, _database);
        }
    }
}
