using Microsoft.Data.Sqlite;

namespace CopLive.Silo.Storage.Sqlite;

/// <summary>
/// A prepared statement of the writer with its parameters held directly, so binding a change costs no lookups by
/// name. A parameter the statement's SQL does not use is null.
/// </summary>
internal sealed class Statement
{
    private readonly SqliteParameter? _service;
    private readonly SqliteParameter? _state;
    private readonly SqliteParameter? _grain;
    private readonly SqliteParameter? _payload;
    private readonly SqliteParameter? _version;
    private readonly SqliteParameter? _now;

    public Statement(SqliteCommand command)
    {
        Command = command;
        _service = Add("$service");
        _state = Add("$state");
        _grain = Add("$grain");
        _payload = Add("$payload");
        _version = Add("$version");
        _now = Add("$now");
    }

    public SqliteCommand Command { get; }

    /// <summary>Sets the parameters from <paramref name="change"/>, stamped <paramref name="now"/>.</summary>
    public void Bind(StateChange change, string now)
    {
        Set(_service, change.Key.ServiceId);
        Set(_state, change.Key.StateName);
        Set(_grain, change.Key.GrainId);
        Set(_payload, change.Payload);
        Set(_version, change.Version);
        Set(_now, now);
    }

    private static void Set(SqliteParameter? parameter, object? value)
    {
        if (parameter is not null)
        {
            parameter.Value = value ?? DBNull.Value;
        }
    }

    private SqliteParameter? Add(string name) =>
        Command.CommandText.Contains(name, StringComparison.Ordinal) ? Command.Parameters.Add(new SqliteParameter(name, null)) : null;
}
