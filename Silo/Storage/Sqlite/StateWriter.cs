using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Text;
using SQLitePCL;

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

    private const string KeyMatches = "ServiceId = $service AND StateName = $state AND GrainId = $grain";

    private static readonly InstantPattern ModifiedOnPattern =
        InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'");

    private readonly ChangeQueue _queue = new();
    private readonly SqliteConnection _connection;
    private readonly IClock _clock;
    private readonly Statement _begin;
    private readonly Statement _commit;
    private readonly Statement _rollback;
    private readonly Statement _insert;
    private readonly Statement _update;
    private readonly Statement _clear;
    private readonly Thread _thread;
    private readonly Action<int, TimeSpan> _committed;
    private readonly ILogger _logger;

    /// <param name="connectionString">The database; its schema must already be installed.</param>
    /// <param name="clock">Stamps each row's <c>ModifiedOn</c> with its commit's time.</param>
    /// <param name="committed">Told the number of changes and the duration of every commit (for metrics).</param>
    /// <param name="logger">Where failed commits are logged.</param>
    public StateWriter(string connectionString, IClock clock, Action<int, TimeSpan> committed, ILogger logger)
    {
        _clock = clock;
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
            // Read back rather than assumed: an acknowledgement is only as durable as this setting.
            pragmas.CommandText = "PRAGMA synchronous;";
            Synchronous = (SynchronousMode)Convert.ToInt32(pragmas.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        // The transaction is run by prepared statements rather than SqliteTransaction, which parses its BEGIN and
        // COMMIT anew every time (see Statement for why they bypass SqliteCommand too). The writes report success by
        // the number of rows they changed: a RETURNING clause would make SQLite build a temporary b-tree for every
        // statement.
        _begin = Prepare("BEGIN IMMEDIATE");
        _commit = Prepare("COMMIT");
        _rollback = Prepare("ROLLBACK");
        _insert = Prepare("""
            INSERT INTO GrainState (ServiceId, StateName, GrainId, Payload, Version, ModifiedOn)
            VALUES ($service, $state, $grain, $payload, 1, $now)
            ON CONFLICT DO NOTHING
            """);
        _update = Prepare($"""
            UPDATE GrainState SET Payload = $payload, Version = Version + 1, ModifiedOn = $now
            WHERE {KeyMatches} AND Version = $version
            """);
        _clear = Prepare($"""
            UPDATE GrainState SET Payload = NULL, Version = Version + 1, ModifiedOn = $now
            WHERE {KeyMatches} AND Version = $version
            """);
        _thread = new Thread(Run) { IsBackground = true, Name = "CopLive SQLite writer" };
        _thread.Start();
    }

    /// <summary>How SQLite syncs this writer's commits to disk, as SQLite reports it.</summary>
    public SynchronousMode Synchronous { get; }

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
        foreach (var statement in new[] { _begin, _commit, _rollback, _insert, _update, _clear })
        {
            statement.Dispose();
        }
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
            ChangeCompletion.Queue([.. batch], versions);
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
            ChangeCompletion.Queue(batch[0], error);
        }
    }

    private long?[] Commit(List<StateChange> batch)
    {
        var versions = new long?[batch.Count];
        var now = ModifiedOnPattern.Format(_clock.GetCurrentInstant());
        _begin.Execute();
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                versions[i] = Execute(batch[i], now);
            }
            _commit.Execute();
        }
        catch
        {
            // A failed COMMIT may have ended the transaction already (SQLite rolls back on some errors itself).
            if (raw.sqlite3_get_autocommit(_connection.Handle) == 0)
            {
                _rollback.Execute();
            }
            throw;
        }
        return versions;
    }

    /// <summary>Applies one change; returns the row's version after it, or null when the row did not match.</summary>
    private long? Execute(StateChange change, string now)
    {
        var (statement, written) = change.Kind switch
        {
            StateChangeKind.Write when change.Version is null => (_insert, 1L),
            StateChangeKind.Write => (_update, change.Version + 1),
            _ => (_clear, change.Version + 1),
        };
        return statement.Execute(change, now) == 0 ? null : written;
    }

    /// <summary>Parsed once here; every later execution reuses the compiled statement.</summary>
    private Statement Prepare(string sql) => new(_connection.Handle!, sql);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A storage commit of {ChangeCount} grain states failed; retrying each on its own")]
    private partial void LogBatchFailed(Exception error, int changeCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing state {StateName} of grain {GrainId} failed")]
    private partial void LogCommitFailed(Exception error, string stateName, string grainId);
}
