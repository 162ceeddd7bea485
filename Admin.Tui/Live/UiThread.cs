using Terminal.Gui.App;

namespace CopLive.Admin.Tui.Live;

/// <summary>
/// Hands work to the UI thread, coalescing bursts into one pass followed by one redraw, and drops work once the
/// console has stopped (invoking into a finished application would end the process).
/// </summary>
public sealed class UiThread(IApplication app)
{
    private readonly Lock _gate = new();
    private readonly Queue<Action> _queue = new();
    private bool _scheduled;
    private bool _stopped;

    /// <summary>Runs after each pass over queued work (the window's redraw).</summary>
    public Action? AfterEach { get; set; }

    /// <summary>Queues <paramref name="work"/> for the UI thread.</summary>
    public void Post(Action work)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }
            _queue.Enqueue(work);
            if (_scheduled)
            {
                return;
            }
            _scheduled = true;
        }
        app.Invoke(Drain);
    }

    /// <summary>No more work: the window stopped running.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            _queue.Clear();
        }
    }

    private void Drain()
    {
        while (true)
        {
            Action work;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _scheduled = false;
                    break;
                }
                work = _queue.Dequeue();
            }
            work();
        }
        AfterEach?.Invoke();
    }
}
