namespace CopLive.Gateway.Fanout;

/// <summary>
/// Lets a send to SignalR connections run on without the sender waiting for it. A connection whose client stops
/// reading (a laptop asleep with its socket still open, a saturated link) fills its buffers, and its writes then
/// wait until SignalR's transport send timeout drops it; a fan-out loop that awaited every send would hold back
/// every other document, room and console of the gateway for that long. Order is kept without waiting: SignalR
/// queues the writes of each connection in the order the sends were started.
/// </summary>
internal static class DetachedSend
{
    /// <summary>Watches <paramref name="sending"/> and reports its failure, if any, to <paramref name="failed"/>.</summary>
    public static void Observe(Task sending, Action<Exception> failed)
    {
        if (!sending.IsCompletedSuccessfully)
        {
            _ = ObserveAsync(sending, failed);
        }
    }

    private static async Task ObserveAsync(Task sending, Action<Exception> failed)
    {
        try
        {
            await sending;
        }
        catch (OperationCanceledException)
        {
            // The gateway is stopping.
        }
        catch (Exception e)
        {
            failed(e);
        }
    }
}
