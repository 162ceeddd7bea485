using System.Collections.Immutable;
using System.Diagnostics;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using NodaTime;

namespace CopLive.Silo.Domain.Documents;

/// <summary>
/// Group commit for one document (docs/architecture.md, the op path): "an acknowledgement means durable". Each applied op is queued and
/// its acknowledgement parked; one write loop stores whatever has accumulated, then completes those acknowledgements
/// and tells the gateways, so ops applied during a write ride the next one. An archive loop beside it moves whole
/// segments of stored ops out of the tail, so an op never waits for a segment, snapshot and head to be stored.
/// </summary>
/// <remarks>
/// Not thread-safe: it runs on its document's turns (a grain's scheduler runs one piece at a time), so the queue
/// and the loops' flags are never touched by two threads at once. After a failed write it refuses everything:
/// the document must be loaded again from storage.
/// </remarks>
public sealed class DocumentCommitLog
{
    private readonly LiveDocument _document;
    private readonly IDocumentStore _store;
    private readonly ClientMarks _marks;
    private readonly IClock _clock;
    private readonly ICommitLogListener _listener;
    private readonly List<Pending> _unwritten = [];

    private long _storedBoundary;  // the archive boundary storage knows of: tail slots of ops after it are live
    private Task? _writer;  // the write loop, awaited on deactivation
    private bool _writing;  // set while the loop runs; not _writer, which a loop that finishes synchronously outlives
    private Task? _archiver;  // the archive loop, beside the write loop
    private bool _archiving;  // as _writing, for the archive loop
    private Exception? _failure;
    private TaskCompletionSource? _settingsUnwritten;

    /// <summary>Starts the log of a document loaded from storage (everything in it is stored).</summary>
    public DocumentCommitLog(LiveDocument document, IDocumentStore store, ClientMarks marks, IClock clock, ICommitLogListener listener)
    {
        _document = document;
        _store = store;
        _marks = marks;
        _clock = clock;
        _listener = listener;
        Durable = document.Version;
        // Tail slots at or before the loaded boundary were treated as stale on loading, so they are free to take.
        _storedBoundary = document.ArchivedVersion;
    }

    /// <summary>Every op through this version is stored.</summary>
    public long Durable { get; private set; }

    /// <summary>Whether a write failed (every later call is refused until the document is loaded again).</summary>
    public bool HasFailed => _failure is not null;

    /// <summary>The refusal of a document whose storage failed: nothing was changed, and a retry is safe.</summary>
    public static CopLiveException Unavailable() =>
        new(CopLiveError.Unavailable, "The document could not be saved just now; nothing was changed. Please retry.");

    /// <summary>Refuses with <see cref="Unavailable"/> once a write has failed.</summary>
    public void EnsureWorking()
    {
        if (_failure is not null)
        {
            throw Unavailable();
        }
    }

    /// <summary>Queues a just-applied op for the next write; the task completes with its version once it is stored.</summary>
    public Task<long> Append(CommittedOp committed)
    {
        EnsureWorking();
        var ack = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _marks.Record(committed.ClientId, committed.Seq, committed.Version, ack.Task, committed.At);
        _unwritten.Add(new Pending(committed, ack, Stopwatch.GetTimestamp()));
        StartWriting();
        return ack.Task;
    }

    /// <summary>Stores the head with the document's current settings through the write loop (its only writer), and waits.</summary>
    public Task WriteSettingsAsync()
    {
        EnsureWorking();
        var written = _settingsUnwritten ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        StartWriting();
        return written.Task;
    }

    /// <summary>Waits for both loops to finish (on deactivation): nothing queued is abandoned mid-write.</summary>
    public async Task DrainAsync()
    {
        if (_writer is { } writer)
        {
            await writer;
        }
        if (_archiver is { } archiver)
        {
            await archiver;
        }
    }

    private void StartWriting()
    {
        if (!_writing)
        {
            _writing = true;
            _writer = WriteLoopAsync();
        }
    }

    /// <summary>Stores everything applied since the last write, acknowledges it and tells the listener, while there is any.</summary>
    private async Task WriteLoopAsync()
    {
        try
        {
            while ((_unwritten.Count > 0 || _settingsUnwritten is not null) && _failure is null)
            {
                // An op may take its tail slot only once the op that held it is archived and the head says so.
                var writable = _unwritten.TakeWhile(p => p.Op.Version <= _storedBoundary + DocumentLimits.TailSlots).Count();
                if (writable == 0)
                {
                    // A tail loaded full (its archiving failed or was cut short) is archived before anything else.
                    StartArchiving();
                }
                if (_archiving && (writable == 0 || _settingsUnwritten is not null))
                {
                    // Wait for the ring to free up, or let the archive's head write go first: the head has one writer at a time.
                    await _archiver!;
                    continue;
                }
                if (writable == 0 && _settingsUnwritten is null)
                {
                    // Unreachable: a full ring always holds a whole segment to archive. Never spin if it did not.
                    Fail(new InvalidOperationException("The document's tail is full and was not archived."), []);
                    return;
                }
                var batch = _unwritten.GetRange(0, writable).ToArray();
                _unwritten.RemoveRange(0, writable);
                var settings = _settingsUnwritten;
                _settingsUnwritten = null;

                var started = Stopwatch.GetTimestamp();
                try
                {
                    if (batch.Length > 0)
                    {
                        await _store.WriteOpsAsync([.. batch.Select(p => p.Op)]);
                        Durable = batch[^1].Op.Version;
                    }
                    if (settings is not null)
                    {
                        await WriteHeadAsync();
                    }
                }
                catch (Exception e)
                {
                    settings?.TrySetException(Unavailable());
                    Fail(e, batch);
                    return;
                }
                _listener.Written(Stopwatch.GetElapsedTime(started), batch.Length);
                settings?.TrySetResult();

                var ops = batch.Select(p => p.Op).ToImmutableArray();
                foreach (var pending in batch)
                {
                    pending.Ack.TrySetResult(pending.Op.Version);
                    _listener.Acknowledged(Stopwatch.GetElapsedTime(pending.AppliedAt));
                }
                if (ops.Length > 0)
                {
                    await _listener.StoredAsync(ops);
                }
                StartArchiving();
            }
        }
        finally
        {
            _writing = false;
        }
    }

    private void StartArchiving()
    {
        if (!_archiving && _failure is null && _document.TakeArchiveBlocks(Durable) is { Count: > 0 } blocks)
        {
            _archiving = true;
            _archiver = ArchiveLoopAsync(blocks);
        }
    }

    /// <summary>Archives stored ops a segment at a time while enough have accumulated, beside the write loop.</summary>
    private async Task ArchiveLoopAsync(IReadOnlyList<ArchiveBlock> blocks)
    {
        try
        {
            for (; blocks.Count > 0 && _failure is null; blocks = _document.TakeArchiveBlocks(Durable))
            {
                await ArchiveAsync(blocks);
            }
        }
        catch (Exception e)
        {
            Fail(e, []);
        }
        finally
        {
            _archiving = false;
        }
    }

    /// <summary>
    /// Writes full segments, then (when one is due) the snapshot at the new boundary, then the head with the new
    /// boundary. A crash between any two steps leaves storage consistent: segments are write-once, and loading
    /// replays the segments after the snapshot and then only the tail ops after the boundary. Until the head is
    /// stored, no op takes the tail slot of an op being archived (the write loop goes by the stored boundary).
    /// </summary>
    private async Task ArchiveAsync(IReadOnlyList<ArchiveBlock> blocks)
    {
        foreach (var block in blocks)
        {
            await _store.WriteSegmentAsync(block);
        }
        if (_document.SnapshotDue)
        {
            await _store.WriteSnapshotAsync(_document.ArchiveCheckpoint);
            _document.SnapshotTaken();
        }
        _marks.ForgetIdle(_clock.GetCurrentInstant());
        await WriteHeadAsync();
        _document.TrimRecent();
        _listener.Archived(_document.ArchivedVersion);
    }

    private async Task WriteHeadAsync()
    {
        var boundary = _document.ArchivedVersion;
        await _store.WriteHeadAsync(boundary, _marks.StoredThrough(Durable));
        _storedBoundary = Math.Max(_storedBoundary, boundary);
    }

    /// <summary>
    /// A failed write leaves memory ahead of storage: refuse everything unwritten (nothing of it was acknowledged),
    /// and let the document start again from what storage holds.
    /// </summary>
    private void Fail(Exception error, IEnumerable<Pending> batch)
    {
        _failure = error;
        foreach (var pending in batch.Concat(_unwritten))
        {
            pending.Ack.TrySetException(Unavailable());
        }
        _unwritten.Clear();
        _settingsUnwritten?.TrySetException(Unavailable());
        _settingsUnwritten = null;
        _listener.Failed(error);
    }

    /// <summary>An applied op waiting for its write.</summary>
    private sealed record Pending(CommittedOp Op, TaskCompletionSource<long> Ack, long AppliedAt);
}
