using System.Collections.Immutable;
using CopLive.Grains.Ids;
using Orleans.Concurrency;

namespace CopLive.Grains.Documents;

/// <summary>
/// A gateway's subscription to a document: one per gateway process, not per connection. Calls are one-way;
/// ops arrive after they are durable, in batches whose versions are contiguous.
/// </summary>
[Alias("coplive.IDocumentObserver")]
public interface IDocumentObserver : IGrainObserver
{
    /// <summary>Ops that were just committed (and stored).</summary>
    [OneWay, Alias("OpsCommitted")]
    Task OpsCommitted(DocumentId document, ImmutableArray<CommittedOp> ops);

    /// <summary>The full set of cursors after one changed.</summary>
    [OneWay, Alias("CursorsChanged")]
    Task CursorsChanged(DocumentId document, long version, ImmutableArray<DocumentCursor> cursors);

    /// <summary>A facilitator locked or unlocked the document (the change is stored).</summary>
    [OneWay, Alias("LockChanged")]
    Task LockChanged(DocumentId document, bool locked);
}
