using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;
using CopLive.Gateway.Hubs;
using CopLive.Grains.Documents;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using Microsoft.AspNetCore.SignalR;

namespace CopLive.Gateway.Fanout;

/// <summary>
/// Push from document grains to this gateway's connections (DESIGN section 4). The gateway registers one
/// observer (this object, held for the life of the process) with each document that has local connections, and
/// renews it periodically. Grain notifications go into a bounded channel; one consumer puts each document's ops
/// back in version order (filling any gap from the grain) and sends them to that document's SignalR group,
/// serialized once for all its connections.
/// </summary>
public sealed partial class DocumentFanout(
    IGrainFactory grains,
    IHubContext<LiveHub> hub,
    ILogger<DocumentFanout> logger) : BackgroundService, IDocumentObserver
{
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(15);

    private readonly Channel<Notification> _inbox = Channel.CreateBounded<Notification>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly ConcurrentDictionary<DocumentId, Subscription> _documents = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<DocumentId, byte>> _connections = new();
    private readonly SemaphoreSlim _subscribing = new(1, 1);
    private IDocumentObserver? _reference;

    private IDocumentObserver Reference => _reference ??= grains.CreateObjectReference<IDocumentObserver>(this);

    /// <summary>Adds a connection to a document's group, subscribing this gateway to the document if it is the first.</summary>
    public async Task JoinAsync(string connectionId, DocumentId document)
    {
        await hub.Groups.AddToGroupAsync(connectionId, HubGroups.ForDocument(document));
        _connections.GetOrAdd(connectionId, _ => new()).TryAdd(document, 0);

        var subscription = _documents.GetOrAdd(document, _ => new Subscription());
        if (Interlocked.Increment(ref subscription.Connections) == 1 || !subscription.Subscribed)
        {
            await _subscribing.WaitAsync();
            try
            {
                await grains.GetDocument(document).SubscribeAsync(Reference);
                subscription.Subscribed = true;
            }
            finally
            {
                _subscribing.Release();
            }
        }
    }

    /// <summary>Removes a connection from a document; the last one out ends this gateway's subscription.</summary>
    public async Task LeaveAsync(string connectionId, DocumentId document)
    {
        await hub.Groups.RemoveFromGroupAsync(connectionId, HubGroups.ForDocument(document));
        if (_connections.TryGetValue(connectionId, out var documents) && documents.TryRemove(document, out _))
        {
            await ReleaseAsync(document);
        }
    }

    /// <summary>Removes a closed connection from every document it had open; returns them.</summary>
    public async Task<IReadOnlyList<DocumentId>> LeaveAllAsync(string connectionId)
    {
        if (!_connections.TryRemove(connectionId, out var documents))
        {
            return [];
        }
        foreach (var document in documents.Keys)
        {
            await ReleaseAsync(document);
        }
        return [.. documents.Keys];
    }

    public Task OpsCommitted(DocumentId document, ImmutableArray<CommittedOp> ops) =>
        _inbox.Writer.WriteAsync(new Notification(document, ops, null, 0)).AsTask();

    public Task CursorsChanged(DocumentId document, long version, ImmutableArray<DocumentCursor> cursors) =>
        _inbox.Writer.WriteAsync(new Notification(document, default, cursors, version)).AsTask();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var renewal = new PeriodicTimer(RenewEvery);
        var renewing = RenewLoopAsync(renewal, stoppingToken);
        try
        {
            await foreach (var notification in _inbox.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await DeliverAsync(notification, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogDeliveryFailed(e, notification.Document);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await renewing;
    }

    private async Task DeliverAsync(Notification notification, CancellationToken cancellationToken)
    {
        if (!_documents.TryGetValue(notification.Document, out var subscription))
        {
            return;
        }
        var group = hub.Clients.Group(HubGroups.ForDocument(notification.Document));

        if (notification.Cursors is { } cursors)
        {
            if (notification.Version >= subscription.Delivered)
            {
                await group.SendAsync(HubEvents.CursorsChanged,
                    new CursorsChangedMessage(notification.Document.Value, notification.Version, [.. cursors.Select(c => c.ToMessage())]),
                    cancellationToken);
            }
            return;
        }

        var ops = notification.Ops.Where(o => o.Version > subscription.Delivered).ToList();
        if (ops.Count == 0)
        {
            return;
        }
        if (subscription.Delivered > 0 && ops[0].Version > subscription.Delivered + 1)
        {
            // Notifications can overtake one another; fetch what is missing rather than leave a hole.
            var missing = await grains.GetDocument(notification.Document)
                .GetOpsAsync(Caller.Admin, subscription.Delivered, (int)(ops[0].Version - subscription.Delivered - 1));
            ops.InsertRange(0, missing.Ops);
        }

        subscription.Delivered = ops[^1].Version;
        await group.SendAsync(HubEvents.DocumentOps,
            new DocumentOpsMessage(notification.Document.Value, [.. ops.Select(o => o.ToMessage())]), cancellationToken);
    }

    private async Task RenewLoopAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var (document, subscription) in _documents)
                {
                    if (subscription.Connections <= 0)
                    {
                        continue;
                    }
                    try
                    {
                        await grains.GetDocument(document).SubscribeAsync(Reference);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // One unreachable document must not stop the renewal of the others.
                        LogRenewFailed(e, document);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ReleaseAsync(DocumentId document)
    {
        if (_documents.TryGetValue(document, out var subscription) && Interlocked.Decrement(ref subscription.Connections) <= 0)
        {
            _documents.TryRemove(document, out _);
            try
            {
                await grains.GetDocument(document).UnsubscribeAsync(Reference);
            }
            catch (Exception e)
            {
                LogRenewFailed(e, document);
            }
        }
    }

    private sealed record Notification(DocumentId Document, ImmutableArray<CommittedOp> Ops, ImmutableArray<DocumentCursor>? Cursors, long Version);

    private sealed class Subscription
    {
        public int Connections;
        public volatile bool Subscribed;
        public long Delivered;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver events of document {DocumentId}")]
    private partial void LogDeliveryFailed(Exception error, DocumentId documentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew or end the subscription to document {DocumentId}")]
    private partial void LogRenewFailed(Exception error, DocumentId documentId);
}
