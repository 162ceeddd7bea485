namespace CopLive.Silo.Storage.Sqlite;

/// <summary>
/// Completes the changes of one commit on a thread-pool thread, all in one work item. The writer thread goes back to
/// the disk at once, and the waiting grains' continuations are queued from that one pool thread (to its local queue)
/// instead of each change's completion being a work item of its own that wakes a thread.
/// </summary>
internal sealed class ChangeCompletion : IThreadPoolWorkItem
{
    private readonly StateChange[] _changes;
    private readonly long?[]? _versions;
    private readonly Exception? _error;

    private ChangeCompletion(StateChange[] changes, long?[]? versions, Exception? error)
    {
        _changes = changes;
        _versions = versions;
        _error = error;
    }

    /// <summary>Completes <paramref name="changes"/> with their committed <paramref name="versions"/> (null: refused).</summary>
    public static void Queue(StateChange[] changes, long?[] versions) =>
        ThreadPool.UnsafeQueueUserWorkItem(new ChangeCompletion(changes, versions, null), preferLocal: false);

    /// <summary>Fails <paramref name="change"/> with <paramref name="error"/>.</summary>
    public static void Queue(StateChange change, Exception error) =>
        ThreadPool.UnsafeQueueUserWorkItem(new ChangeCompletion([change], null, error), preferLocal: false);

    public void Execute()
    {
        for (var i = 0; i < _changes.Length; i++)
        {
            if (_error is not null)
            {
                _changes[i].Done.TrySetException(_error);
            }
            else
            {
                _changes[i].Done.TrySetResult(_versions![i]);
            }
        }
    }
}
