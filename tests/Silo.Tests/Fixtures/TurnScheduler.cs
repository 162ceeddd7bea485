namespace CopLive.Silo.Tests.Fixtures;

/// <summary>
/// Runs work one piece at a time on the test's own thread, as a grain's scheduler does, and only when the test says
/// so: after <see cref="RunUntilIdle"/> everything that could run has run, so a task still pending is waiting on
/// something the test holds, never on a thread that has not got round to it yet.
/// </summary>
public sealed class TurnScheduler : TaskScheduler
{
    private readonly Queue<Task> _queue = new();

    /// <summary>Starts <paramref name="work"/> as a turn and runs until nothing is left to run.</summary>
    /// <returns>The task <paramref name="work"/> returned itself (not a wrapper, whose completion would lag behind it).</returns>
    public TTask Run<TTask>(Func<TTask> work) where TTask : Task
    {
        TTask? started = null;
        _ = Task.Factory.StartNew(() => started = work(), CancellationToken.None, TaskCreationOptions.None, this);
        RunUntilIdle();
        return started ?? throw new InvalidOperationException("The turn did not run.");
    }

    /// <summary>Runs queued turns (and the turns they queue) until there are none.</summary>
    public void RunUntilIdle()
    {
        // The test runner's synchronization context would take the turns' continuations away to its own threads.
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            while (true)
            {
                Task? next;
                lock (_queue)
                {
                    if (!_queue.TryDequeue(out next))
                    {
                        return;
                    }
                }
                TryExecuteTask(next);
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    protected override void QueueTask(Task task)
    {
        lock (_queue)
        {
            _queue.Enqueue(task);
        }
    }

    // Never inline: every turn runs from RunUntilIdle, on the test's thread.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (_queue)
        {
            return [.. _queue];
        }
    }
}
