using CopLive.Collab.Text;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Errors;
using CopLive.Protocol.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.Client.Live;

/// <summary>
/// A client's copy of a co-edited document: the standard OT client state machine. Local edits apply at once;
/// one op is in flight to the server, later edits wait composed into one pending op. Ops from the stream are
/// taken in version order: our own in-flight op coming back is its acknowledgement; anyone else's is
/// transformed past our in-flight and pending ops before it is applied. After a reconnect the document is
/// reopened, what was missed is fetched, and an unacknowledged op is resubmitted with the same seq (the server
/// recognises it if it had committed it), so nothing typed is lost and nothing is applied twice.
/// </summary>
public sealed class SharedDocument : IAsyncDisposable
{
    /// <summary>
    /// How long the broadcast of an acknowledged op is awaited, by default, before it is fetched. A gateway holds a
    /// document's broadcasts for at most a second (to send a busy document's ops together), so the reply to
    /// <c>SubmitOp</c> often comes first; fetching each time would cost a round trip per op.
    /// </summary>
    public static readonly TimeSpan DefaultBroadcastGrace = TimeSpan.FromSeconds(2);

    private readonly TimeSpan _broadcastGrace;

    private readonly HubConnection _connection;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _catchUp = new(1, 1);
    private readonly List<IDisposable> _handlers = [];
    private readonly Backoff _backoff = new();
    private ClientReplica _replica;
    private bool _sending;
    private bool _resend;
    private bool _closed;
    private (long Version, TaskCompletionSource Reached)? _awaited;

    private SharedDocument(HubConnection connection, Guid documentId, TimeSpan broadcastGrace)
    {
        _broadcastGrace = broadcastGrace;
        _connection = connection;
        DocumentId = documentId;
        _replica = new ClientReplica(Guid.NewGuid().ToString("N"), "", 0);
    }

    /// <summary>The document.</summary>
    public Guid DocumentId { get; }

    /// <summary>This client's id in <c>SubmitOp</c>.</summary>
    public string ClientId => _replica.ClientId;

    /// <summary>The text as this client sees it (including edits the server has not acknowledged yet).</summary>
    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _replica.Text;
            }
        }
    }

    /// <summary>The last server version this copy has taken in.</summary>
    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _replica.Version;
            }
        }
    }

    /// <summary>True when every local edit has been acknowledged.</summary>
    public bool IsSettled
    {
        get
        {
            lock (_gate)
            {
                return _replica.IsSettled;
            }
        }
    }

    /// <summary>Latest cursors of everyone in the document.</summary>
    public IReadOnlyList<RemoteCursor> Cursors { get; private set; } = [];

    /// <summary>The last refusal the server gave an op of ours that could not be retried (for example InvalidOp).</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Raised after remote changes were applied to <see cref="Text"/>.</summary>
    public event Action<SharedDocument>? Changed;

    /// <summary>Opens a document on a started connection.</summary>
    /// <param name="connection">A started connection to the live hub.</param>
    /// <param name="documentId">The document.</param>
    /// <param name="broadcastGrace">How long to wait for the broadcast of an acknowledged op before fetching it
    /// (<see cref="DefaultBroadcastGrace"/> when null).</param>
    public static async Task<SharedDocument> OpenAsync(HubConnection connection, Guid documentId, TimeSpan? broadcastGrace = null)
    {
        var document = new SharedDocument(connection, documentId, broadcastGrace ?? DefaultBroadcastGrace);
        document._handlers.Add(connection.On<DocumentOpsEvent>(nameof(IDocumentEvents.DocumentOps), e =>
        {
            if (e.DocumentId == documentId)
            {
                document.Receive(e.Ops);
            }
        }));
        document._handlers.Add(connection.On<CursorsChangedEvent>(nameof(IDocumentEvents.CursorsChanged), e =>
        {
            if (e.DocumentId == documentId)
            {
                document.Cursors = e.Cursors;
            }
        }));
        connection.Reconnected += document.OnReconnectedAsync;

        var opened = await connection.InvokeAsync<OpenedDocument>(nameof(ILiveHub.OpenDocument), documentId.ToString());
        lock (document._gate)
        {
            document._replica = new ClientReplica(document.ClientId, opened.Text, opened.Version);
            document.Cursors = opened.Cursors;
        }
        return document;
    }

    /// <summary>Applies a local edit (made on <see cref="Text"/>) and sends it when the server is ready for it.</summary>
    /// <exception cref="InvalidOpException">The op does not fit the current text.</exception>
    public void Edit(TextOp op)
    {
        lock (_gate)
        {
            _replica.Edit(op);
        }
        Flush();
    }

    /// <summary>Moves this client's cursor.</summary>
    public Task MoveCursorAsync(int anchor, int head) =>
        _connection.InvokeAsync(nameof(ILiveHub.MoveCursor), DocumentId.ToString(), Version, anchor, head);

    /// <summary>Waits until every local edit is acknowledged and this copy has caught up with the server's head.</summary>
    public async Task SettleAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            if (IsSettled && _connection.State == HubConnectionState.Connected)
            {
                var head = await _connection.InvokeAsync<OpsReply>(nameof(ILiveHub.GetOps), DocumentId.ToString(), Version, cancel.Token);
                Receive(head.Ops);
                if (Version == head.HeadVersion && IsSettled)
                {
                    return;
                }
            }
            await Task.Delay(20, cancel.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _closed = true;
        _connection.Reconnected -= OnReconnectedAsync;
        foreach (var handler in _handlers)
        {
            handler.Dispose();
        }
        if (_connection.State == HubConnectionState.Connected)
        {
            try
            {
                await _connection.InvokeAsync(nameof(ILiveHub.CloseDocument), DocumentId.ToString());
            }
            catch (Exception e) when (e is HubException or InvalidOperationException)
            {
                // Closing is a courtesy; the server also cleans up when the connection ends.
            }
        }
    }

    private void Receive(IReadOnlyList<RemoteOp> ops)
    {
        var gap = false;
        lock (_gate)
        {
            foreach (var op in ops)
            {
                if (_replica.Receive(op) == Intake.Gap)
                {
                    gap = true;
                    break;
                }
            }
            if (_awaited is { } awaited && _replica.Version >= awaited.Version)
            {
                awaited.Reached.TrySetResult();
                _awaited = null;
            }
        }
        Changed?.Invoke(this);
        if (gap)
        {
            _ = CatchUpAsync();
        }
        Flush();
    }

    /// <summary>Sends the pending op when nothing is in flight (or resends the in-flight one after a reconnect).</summary>
    private void Flush(bool resend = false)
    {
        Submission send;
        long baseVersion;
        lock (_gate)
        {
            if (_closed || _sending || _connection.State != HubConnectionState.Connected)
            {
                return;
            }
            if (_replica.Send() is { } next)
            {
                send = next;
            }
            else if (_replica.InFlight is { } unacknowledged && (resend || _resend))
            {
                send = unacknowledged;
            }
            else
            {
                return;
            }
            _sending = true;
            _resend = false;
            baseVersion = _replica.Version;
        }
        _ = SendAsync(send, baseVersion);
    }

    private async Task SendAsync(Submission op, long baseVersion)
    {
        var retry = false;
        try
        {
            var reply = await _connection.InvokeAsync<SubmitReply>(nameof(ILiveHub.SubmitOp), DocumentId.ToString(), ClientId, op.Seq, baseVersion, op.Op);
            _backoff.Succeeded();
            if (!await ReachesAsync(reply.Version, _broadcastGrace))
            {
                // The broadcast of our own op is lost: fetch the stream up to it, which acknowledges it.
                await CatchUpAsync();
            }
        }
        catch (Exception error) when (HubError.IsWorthRetrying(error) && _connection.State == HubConnectionState.Connected && !_closed)
        {
            // Busy, a machine of the cluster restarting, or a fault the gateway could not name: never fatal to the
            // person typing. The op is idempotent, so it is sent again, ever more patiently.
            if (HubError.Code(error) is null)
            {
                LastError = error;
            }
            await Task.Delay(_backoff.Failed());
            retry = true;
        }
        catch (Exception error) when (HubError.Code(error) is RefusalCode.TooOld or RefusalCode.NewerThanHead)
        {
            await CatchUpAsync();
            retry = true;
        }
        catch (Exception error) when (!HubError.IsWorthRetrying(error))
        {
            // The server refused the op for good (for example a bug made it invalid): drop it, keep going.
            LastError = error;
            lock (_gate)
            {
                _replica.Drop();
            }
        }
        catch (Exception)
        {
            // Disconnected: resend once the connection is back (OnReconnectedAsync flushes).
            lock (_gate)
            {
                _resend = true;
            }
        }
        finally
        {
            lock (_gate)
            {
                _sending = false;
            }
        }
        Flush(resend: retry);
    }

    /// <summary>Waits up to <paramref name="grace"/> for the stream to reach <paramref name="version"/>; false if it did not.</summary>
    private async Task<bool> ReachesAsync(long version, TimeSpan grace)
    {
        TaskCompletionSource reached;
        lock (_gate)
        {
            if (_replica.Version >= version)
            {
                return true;
            }
            reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _awaited = (version, reached);
        }
        try
        {
            await reached.Task.WaitAsync(grace);
            return true;
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _awaited = null;
            }
            return false;
        }
    }

    private async Task CatchUpAsync()
    {
        await _catchUp.WaitAsync();
        try
        {
            while (_connection.State == HubConnectionState.Connected && !_closed)
            {
                OpsReply page;
                try
                {
                    page = await _connection.InvokeAsync<OpsReply>(nameof(ILiveHub.GetOps), DocumentId.ToString(), Version);
                }
                catch (Exception error) when (_connection.State == HubConnectionState.Connected && HubError.IsWorthRetrying(error))
                {
                    // The cluster is recovering: reading is harmless to repeat.
                    await Task.Delay(_backoff.Failed());
                    continue;
                }
                Receive(page.Ops);
                if (page.Ops.Count == 0 || Version >= page.HeadVersion)
                {
                    return;
                }
            }
        }
        catch (Exception) when (_connection.State != HubConnectionState.Connected)
        {
            // The reconnect handler catches up again.
        }
        finally
        {
            _catchUp.Release();
        }
    }

    private async Task OnReconnectedAsync(string? connectionId)
    {
        if (_closed)
        {
            return;
        }
        // A new connection is in no group: open again, take in what was missed, then resend what is unacknowledged.
        // The cluster may still be recovering (the gateway answers Unavailable): keep trying while connected.
        while (true)
        {
            try
            {
                await _connection.InvokeAsync<OpenedDocument>(nameof(ILiveHub.OpenDocument), DocumentId.ToString());
                _backoff.Succeeded();
                break;
            }
            catch (Exception error) when (!_closed && _connection.State == HubConnectionState.Connected && HubError.IsWorthRetrying(error))
            {
                await Task.Delay(_backoff.Failed());
            }
        }
        lock (_gate)
        {
            _resend = true;
        }
        await CatchUpAsync();
        Flush();
    }
}
