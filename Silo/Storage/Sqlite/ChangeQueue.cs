namespace CopLive.Silo.Storage.Sqlite;

/// <summary>
/// The writer thread's inbox: any thread adds a change, the writer takes everything queued at once. The writer
/// sleeps on a monitor instead of spinning first (as <c>BlockingCollection</c> does): on two busy cores a spinning
/// writer takes the CPU from the very threads that produce its next changes.
/// </summary>
internal sealed class ChangeQueue
{
    private readonly object _gate = new();
    private List<StateChange> _queued = [];
    private bool _completed;
    private bool _sleeping;

    /// <summary>Queues a change; throws <see cref="InvalidOperationException"/> once <see cref="Complete"/> was called.</summary>
    public void Add(StateChange change)
    {
        lock (_gate)
        {
            if (_completed)
            {
                throw new InvalidOperationException("The queue takes no more changes.");
            }
            _queued.Add(change);
            if (_sleeping)
            {
                Monitor.Pulse(_gate);
            }
        }
    }

    /// <summary>Takes no more changes; the taker drains what is queued, then <see cref="TakeAll"/> returns false.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>
    /// Waits until something is queued and swaps it all into <paramref name="taken"/> (which must be empty, and is
    /// reused for the next changes); false once the queue is completed and empty.
    /// </summary>
    public bool TakeAll(ref List<StateChange> taken)
    {
        lock (_gate)
        {
            while (_queued.Count == 0)
            {
                if (_completed)
                {
                    return false;
                }
                _sleeping = true;
                Monitor.Wait(_gate);
                _sleeping = false;
            }
            (taken, _queued) = (_queued, taken);
            return true;
        }
    }
}
