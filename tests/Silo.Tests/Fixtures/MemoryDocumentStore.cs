using CopLive.Grains.Documents;
using CopLive.Silo.Domain;
using CopLive.Silo.Domain.Documents;

namespace CopLive.Silo.Tests.Fixtures;

/// <summary>What a document stores, in memory, with writes a test can hold and then let through or fail.</summary>
public sealed class MemoryDocumentStore : IDocumentStore
{
    private readonly Dictionary<StoreWrite, Queue<TaskCompletionSource>> _held = [];
    private readonly HashSet<StoreWrite> _holding = [];
    private readonly Dictionary<long, ArchiveBlock> _segments = [];

    /// <summary>Every write as it began, in order: what it was and what it carried.</summary>
    public List<string> Began { get; } = [];

    /// <summary>The versions of ops stored, in the order their writes completed.</summary>
    public List<long> StoredOps { get; } = [];

    /// <summary>The archive boundary of the last head stored.</summary>
    public long StoredBoundary { get; private set; }

    /// <summary>How many heads were stored.</summary>
    public int HeadsStored { get; private set; }

    /// <summary>The last head's client marks.</summary>
    public IReadOnlyList<ClientMark> StoredMarks { get; private set; } = [];

    /// <summary>From now on, writes of <paramref name="kind"/> wait until <see cref="Release"/>.</summary>
    public void Hold(StoreWrite kind) => _holding.Add(kind);

    /// <summary>Lets the held writes of <paramref name="kind"/> through, or fails them; later ones pass.</summary>
    public void Release(StoreWrite kind, Exception? fault = null)
    {
        _holding.Remove(kind);
        if (_held.Remove(kind, out var waiting))
        {
            foreach (var write in waiting)
            {
                if (fault is null)
                {
                    write.SetResult();
                }
                else
                {
                    write.SetException(fault);
                }
            }
        }
    }

    /// <summary>How many writes of <paramref name="kind"/> are waiting.</summary>
    public int Waiting(StoreWrite kind) => _held.TryGetValue(kind, out var waiting) ? waiting.Count : 0;

    public async Task WriteOpsAsync(IReadOnlyList<CommittedOp> ops)
    {
        Began.Add($"ops {string.Join(",", ops.Select(o => o.Version))}");
        await PassAsync(StoreWrite.Ops);
        StoredOps.AddRange(ops.Select(o => o.Version));
    }

    public async Task WriteHeadAsync(long archivedVersion, IReadOnlyList<ClientMark> clients)
    {
        Began.Add($"head {archivedVersion}");
        await PassAsync(StoreWrite.Head);
        StoredBoundary = archivedVersion;
        StoredMarks = clients;
        HeadsStored++;
    }

    public async Task WriteSegmentAsync(ArchiveBlock segment)
    {
        Began.Add($"segment {segment.Index}");
        await PassAsync(StoreWrite.Segment);
        _segments[segment.Index] = segment;
    }

    public async Task WriteSnapshotAsync(DocumentCheckpoint checkpoint)
    {
        Began.Add($"snapshot {checkpoint.Version}");
        await PassAsync(StoreWrite.Snapshot);
    }

    public Task<ArchiveBlock> ReadSegmentAsync(long index) =>
        _segments.TryGetValue(index, out var segment)
            ? Task.FromResult(segment)
            : Task.FromException<ArchiveBlock>(new InvalidOperationException($"Segment {index} is missing."));

    private Task PassAsync(StoreWrite kind)
    {
        if (!_holding.Contains(kind))
        {
            return Task.CompletedTask;
        }
        // Completed from the test's thread; the writer's continuation goes back to the turn scheduler.
        var write = new TaskCompletionSource();
        if (!_held.TryGetValue(kind, out var waiting))
        {
            _held[kind] = waiting = new Queue<TaskCompletionSource>();
        }
        waiting.Enqueue(write);
        return write.Task;
    }
}

/// <summary>The kinds of write a document makes.</summary>
public enum StoreWrite
{
    Ops,
    Head,
    Segment,
    Snapshot,
}
