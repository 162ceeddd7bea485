using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CopLive.Silo.Storage.Sqlite;

/// <summary>
/// The one writer of <c>GrainState</c>: a dedicated thread that takes every queued change, applies them all in one
/// transaction on its own connection with prepared statements, and completes them after the commit. SQLite admits
/// one writer at a time anyway; doing the writes here means grains that write at the same moment share one commit
/// (one fsync), no statement is parsed twice, and no thread-pool thread ever blocks on the disk.
/// </summary>
internal sealed partial class StateWriter : IDisposable
{
    /// <summary>Most changes per transaction, so one commit's latency stays bounded under a flood.</summary>
    private const int MaxBatch = 256;

    private const string Now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
    private const string KeyMatches = "ServiceId = $service AND StateName = $state AND GrainId = $grain";

    private readonly ChangeQueue _queue = new();
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _clear;
    private readonly SqliteCommand _adopt;
    private readonly Thread _thread;
    private readonly Action<int, TimeSpan> _committed;
    private readonly ILogger _logger;

    /// <param name="connectionString">The database; its schema must already be installed.</param>
    /// <param name="committed">Told the number of changes and the duration of every commit (for metrics).</param>
    /// <param name="logger">Where failed commits are logged.</param>
    public StateWriter(string connectionString, Action<int, TimeSpan> committed, ILogger logger)
    {
        _committed = committed;
        _logger = logger;
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        using (var pragmas = _connection.CreateCommand())
        {
            // FULL: a commit returns only after the WAL is fsynced, so a completed change survives a power cut.
            // A larger page cache keeps the b-tree and recently written pages in memory instead of re-reading them,
            // and a larger WAL between checkpoints lets a checkpoint copy a page rewritten many times (a busy
            // document's head) once rather than once per few commits.
            pragmas.CommandText = "PRAGMA synchronous = FULL; PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 8192;";
            pragmas.ExecuteNonQuery();
        }
        _insert = Prepare($"""
            INSERT INTO GrainState (ServiceId, StateName, GrainId, Payload, Version, ModifiedOn)
            VALUES ($service, $state, $grain, $payload, 1, {Now})
            ON CONFLICT DO NOTHING
            RETURNING Version
            """);
        _update = Prepare($"""
            UPDATE GrainState SET Payload = $payload, Version = Version + 1, ModifiedOn = {Now}
            WHERE {KeyMatches} AND Version = $version
            RETURNING Version
            """);
        _clear = Prepare($"""
            UPDATE GrainState SET Payload = NULL, Version = Version + 1, ModifiedOn = {Now}
            WHERE {KeyMatches} AND Version = $version
            RETURNING Version
            """);
        _adopt = Prepare($"""
            INSERT INTO GrainState (ServiceId, StateName, GrainId, Payload, Version, ModifiedOn)
            VALUES ($service, $state, $grain, $payload, $version, {Now})
            ON CONFLICT DO NOTHING
            RETURNING Version
            """);
        _thread = new Thread(Run) { IsBackground = true, Name = "CopLive SQLite writer" };
        _thread.Start();
    }

    /// <summary>Queues a change; the task completes once it is committed (or refused, or failed).</summary>
    public Task<long?> ApplyAsync(StateChange change)
    {
        try
        {
            _queue.Add(change);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(StateWriter), "The storage writer has stopped; the silo is shutting down.");
        }
        return change.Done.Task;
    }

    /// <summary>Commits what is queued, then closes the connection.</summary>
    public void Dispose()
    {
        _queue.Complete();
        _thread.Join();
        _connection.Dispose();
    }

    private void Run()
    {
        var taken = new List<StateChange>();
        while (_queue.TakeAll(ref taken))
        {
            for (var start = 0; start < taken.Count; start += MaxBatch)
            {
                CommitBatch(taken.Count <= MaxBatch ? taken : taken.GetRange(start, Math.Min(MaxBatch, taken.Count - start)));
            }
            taken.Clear();
        }
    }

    private void CommitBatch(List<StateChange> batch)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            var versions = Commit(batch);
            _committed(batch.Count, Stopwatch.GetElapsedTime(started));
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(versions[i]);
            }
        }
        catch (Exception error) when (batch.Count > 1)
        {
            // One change the database refuses (a payload over its size limit, say) must not sink the others with
            // it: nothing of the batch was committed, so each is tried again on its own.
            LogBatchFailed(error, batch.Count);
            foreach (var change in batch)
            {
                CommitBatch([change]);
            }
        }
        catch (Exception error)
        {
            LogCommitFailed(error, batch[0].Key.StateName, batch[0].Key.GrainId);
            batch[0].Done.TrySetException(error);
        }
    }

    private long?[] Commit(List<StateChange> batch)
    {
        var versions = new long?[batch.Count];
        using var transaction = _connection.BeginTransaction(deferred: false);
        for (var i = 0; i < batch.Count; i++)
        {
            versions[i] = Execute(batch[i], transaction);
        }
        transaction.Commit();
        return versions;
    }

    private long? Execute(StateChange change, SqliteTransaction transaction)
    {
        var command = change.Kind switch
        {
            StateChangeKind.Write when change.Version is null => _insert,
            StateChangeKind.Write => _update,
            StateChangeKind.Clear => _clear,
            _ => _adopt,
        };
        command.Transaction = transaction;
        command.Parameters["$service"].Value = change.Key.ServiceId;
        command.Parameters["$state"].Value = change.Key.StateName;
        command.Parameters["$grain"].Value = change.Key.GrainId;
        if (command.Parameters.Contains("$payload"))
        {
            command.Parameters["$payload"].Value = (object?)change.Payload ?? DBNull.Value;
        }
        if (command.Parameters.Contains("$version"))
        {
            command.Parameters["$version"].Value = (object?)change.Version ?? DBNull.Value;
        }
        return command.ExecuteScalar() is long version ? version : null;
    }

    private SqliteCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in new[] { "$service", "$state", "$grain", "$payload", "$version" })
        {
            if (sql.Contains(name, StringComparison.Ordinal))
            {
                command.Parameters.Add(new SqliteParameter(name, null));
            }
        }
        // Parsed once here; every later execution reuses the compiled statement.
        command.Prepare();
        return command;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A storage commit of {ChangeCount} grain states failed; retrying each on its own")]
    private partial void LogBatchFailed(Exception error, int changeCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing state {StateName} of grain {GrainId} failed")]
    private partial void LogCommitFailed(Exception error, string stateName, string grainId);
}
