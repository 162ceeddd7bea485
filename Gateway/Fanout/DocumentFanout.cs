using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Threading.Channels;
using CopLive.Gateway.Hubs;
using CopLive.Gateway.Observability;
using CopLive.Gateway.Wire;
using CopLive.Grains.Documents;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace CopLive.Gateway.Fanout;

/// <summary>
/// Push from document grains to this gateway's connections (docs/architecture.md). The gateway registers one
/// observer (this object, held for the life of the process) with each document that has local connections, and
/// renews it periodically. Grain notifications go into a bounded channel; one consumer puts each document's ops
/// back in version order (filling any gap from the grain), holds them in the document's <see cref="DocumentOutbox"/>
/// for at most <see cref="FanoutOptions.DocumentIntervalMs"/>, and sends them to that document's SignalR group,
/// serialized once for all its connections, without waiting for the slowest of them (<see cref="DetachedSend"/>).
/// Participants (<see cref="LiveHub"/>) and moderators' consoles (<see cref="AdminHub"/>) watching the same document
/// share the subscription.
/// </summary>
public sealed partial class DocumentFanout(
    IGrainFactory grains,
    SubscriptionRenewal renewal,
    IHubContext<LiveHub, ILiveClient> hub,
    IHubContext<AdminHub, IAdminClient> consoles,
    FanoutOptions options,
    GatewayMetrics metrics,
    ILogger<DocumentFanout> logger) : BackgroundService, IDocumentObserver
{
    private readonly Channel<Notification> _inbox = Channel.CreateBounded<Notification>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly ConcurrentDictionary<DocumentId, DocumentOutbox> _outboxes = new();
    private readonly TimeSpan _interval = TimeSpan.FromMilliseconds(options.DocumentIntervalMs);
    private readonly long _started = Stopwatch.GetTimestamp();
    private IDocumentObserver? _reference;
    private LocalSubscriptions<DocumentId>? _subscriptions;

    private IDocumentObserver Reference => _reference ??= grains.CreateObjectReference<IDocumentObserver>(this);

    private LocalSubscriptions<DocumentId> Subscriptions => _subscriptions ??= new(
        document => grains.GetDocument(document).SubscribeAsync(Reference),
        async document =>
        {
            _outboxes.TryRemove(document, out _);
            await grains.GetDocument(document).UnsubscribeAsync(Reference);
        });

    private TimeSpan Now => Stopwatch.GetElapsedTime(_started);

    /// <summary>Adds a connection of a hub to a document's group, subscribing this gateway to the document if it is the first.</summary>
    public async Task JoinAsync(IGroupManager groups, string connectionId, DocumentId document)
    {
        await groups.AddToGroupAsync(connectionId, HubGroups.ForDocument(document));
        await Subscriptions.AddAsync(connectionId, document);
    }

    /// <summary>Removes a connection from a document; the last one out ends this gateway's subscription.</summary>
    public async Task LeaveAsync(IGroupManager groups, string connectionId, DocumentId document)
    {
        await groups.RemoveFromGroupAsync(connectionId, HubGroups.ForDocument(document));
        await Subscriptions.RemoveAsync(connectionId, document);
    }

    /// <summary>Removes a closed connection from every document it had open; returns them.</summary>
    public Task<IReadOnlyList<DocumentId>> LeaveAllAsync(string connectionId) => Subscriptions.RemoveAllAsync(connectionId);

    public Task OpsCommitted(DocumentId document, ImmutableArray<CommittedOp> ops) =>
        _inbox.Writer.WriteAsync(new OpsNotification(document, ops)).AsTask();

    public Task CursorsChanged(DocumentId document, long version, ImmutableArray<DocumentCursor> cursors) =>
        _inbox.Writer.WriteAsync(new CursorsNotification(document, version, cursors)).AsTask();

    public Task LockChanged(DocumentId document, bool locked) =>
        _inbox.Writer.WriteAsync(new LockNotification(document, locked)).AsTask();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var renewing = renewal.RunAsync(
            () => Subscriptions.Active, d => grains.GetDocument(d).SubscribeAsync(Reference), (e, d) => LogRenewFailed(e, d), stoppingToken);
        try
        {
            await foreach (var notification in _inbox.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await TakeAsync(notification, stoppingToken);
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

    /// <summary>Puts what a notification brings in its document's outbox; delivers the outbox now, or sets a timer for when it may go.</summary>
    private async Task TakeAsync(Notification notification, CancellationToken stoppingToken)
    {
        if (!Subscriptions.IsActive(notification.Document))
        {
            // A late notification for a document nobody here has open any more: nothing to send, nothing to keep.
            return;
        }
        var outbox = _outboxes.GetOrAdd(notification.Document, _ => new DocumentOutbox(_interval));
        switch (notification)
        {
            case DeliveryDue:
                Deliver(notification.Document, outbox);
                return;
            case OpsNotification ops:
                await HoldAsync(ops, outbox);
                break;
            case CursorsNotification cursors:
                Hold(cursors, outbox);
                break;
            case LockNotification lockChanged:
                // What was committed before the lock goes out before it.
                Deliver(notification.Document, outbox);
                Observe(notification.Document, AudienceOf(notification.Document)
                    .DocumentLockChanged(new DocumentLockChangedEvent(notification.Document.Value, lockChanged.Locked)));
                return;
        }

        if (outbox.IsEmpty || outbox.Scheduled)
        {
            return;
        }
        var wait = outbox.Wait(Now);
        if (wait == TimeSpan.Zero)
        {
            Deliver(notification.Document, outbox);
        }
        else
        {
            _ = DeliverLaterAsync(notification.Document, wait, stoppingToken);
        }
    }

    private async Task HoldAsync(OpsNotification notification, DocumentOutbox outbox)
    {
        var delivered = outbox.Version;
        var ops = notification.Ops.Where(o => o.Version > delivered).ToList();
        if (ops.Count == 0)
        {
            return;
        }
        if (delivered > 0 && ops[0].Version > delivered + 1)
        {
            // Notifications can overtake one another; fetch what is missing rather than leave a hole.
            var missing = await grains.GetDocument(notification.Document)
                .GetOpsAsync(Caller.Admin, delivered, (int)(ops[0].Version - delivered - 1));
            ops.InsertRange(0, missing.Ops);
        }
        outbox.Add(ops);
    }

    private void Hold(CursorsNotification notification, DocumentOutbox outbox)
    {
        // Cursors placed at a version this gateway has already moved past are stale: newer ones are on their way.
        if (notification.Version >= outbox.Version
            && (outbox.Cursors is null || notification.Version >= outbox.Cursors.Version))
        {
            outbox.Replace(new CursorsChangedEvent(
                notification.Document.Value, notification.Version, [.. notification.Cursors.Select(c => c.ToWire())]));
        }
    }

    private async Task DeliverLaterAsync(DocumentId document, TimeSpan wait, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(wait, stoppingToken);
            await _inbox.Writer.WriteAsync(new DeliveryDue(document), stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // The gateway is stopping.
        }
    }

    /// <summary>Sends what the outbox holds: its ops in one message, then the cursors placed among them.</summary>
    private void Deliver(DocumentId document, DocumentOutbox outbox)
    {
        var (ops, cursors) = outbox.Take(Now);
        var group = AudienceOf(document);
        if (ops.Count > 0)
        {
            metrics.OpsDelivered(ops.Count);
            Observe(document, group.DocumentOps(new DocumentOpsEvent(document.Value, [.. ops.Select(o => o.ToWire())])));
        }
        if (cursors is not null)
        {
            Observe(document, group.CursorsChanged(cursors));
        }
    }

    private Audience AudienceOf(DocumentId document)
    {
        var name = HubGroups.ForDocument(document);
        return new Audience(hub.Clients.Group(name), consoles.Clients.Group(name));
    }

    /// <summary>Lets a group send finish on its own time, so no connection's pace holds back the next notification.</summary>
    private void Observe(DocumentId document, Task sending) => DetachedSend.Observe(sending, e => LogDeliveryFailed(e, document));

    /// <summary>A document's group on both hubs; sending to a group with no connections costs a lookup.</summary>
    private readonly record struct Audience(IDocumentEvents Participants, IDocumentEvents Consoles)
    {
        public Task DocumentOps(DocumentOpsEvent message) => Task.WhenAll(Participants.DocumentOps(message), Consoles.DocumentOps(message));

        public Task CursorsChanged(CursorsChangedEvent message) => Task.WhenAll(Participants.CursorsChanged(message), Consoles.CursorsChanged(message));

        public Task DocumentLockChanged(DocumentLockChangedEvent message) =>
            Task.WhenAll(Participants.DocumentLockChanged(message), Consoles.DocumentLockChanged(message));
    }

    private abstract record Notification(DocumentId Document);

    private sealed record OpsNotification(DocumentId Document, ImmutableArray<CommittedOp> Ops) : Notification(Document);

    private sealed record CursorsNotification(DocumentId Document, long Version, ImmutableArray<DocumentCursor> Cursors) : Notification(Document);

    private sealed record LockNotification(DocumentId Document, bool Locked) : Notification(Document);

    /// <summary>A document's held events may go out now.</summary>
    private sealed record DeliveryDue(DocumentId Document) : Notification(Document);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver events of document {DocumentId}")]
    private partial void LogDeliveryFailed(Exception error, DocumentId documentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew or end the subscription to document {DocumentId}")]
    private partial void LogRenewFailed(Exception error, DocumentId documentId);
}
