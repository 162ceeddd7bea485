using System.Collections.Immutable;
using CopLive.Grains.Documents;
using CopLive.Grains.Ids;
using CopLive.Silo.Domain.Documents;
using CopLive.Silo.Observability;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace CopLive.Silo.Grains.Documents;

/// <summary>
/// Where a document's commit log reports: stored ops to the subscribed gateways, write times and acknowledgements to
/// the metrics, archiving and failures to the log; a failure also ends the activation, whose memory is then ahead of
/// storage.
/// </summary>
internal sealed partial class DocumentCommitReporter(
    DocumentId document, ObserverManager<IDocumentObserver> observers, CopLiveMetrics metrics, ILogger logger, Action deactivate)
    : ICommitLogListener
{
    public void Written(TimeSpan took, int ops) => metrics.StorageWrite(took, ops);

    public void Acknowledged(TimeSpan sinceApplied) => metrics.OpAcknowledged(sinceApplied);

    public Task StoredAsync(ImmutableArray<CommittedOp> ops) => observers.Notify(o => o.OpsCommitted(document, ops));

    public void Archived(long version) => LogArchived(document, version);

    public void Failed(Exception error)
    {
        // Memory is ahead of storage: the next call starts again from what storage holds.
        LogWriteFailed(error, document);
        deactivate();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing document {DocumentId} failed; its unacknowledged ops were refused")]
    private partial void LogWriteFailed(Exception error, DocumentId documentId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Document {DocumentId} archived through version {Version}")]
    private partial void LogArchived(DocumentId documentId, long version);
}
