using CopLive.Protocol.Documents;

namespace CopLive.Protocol.Hubs;

/// <summary>Events of an open or watched document, sent by both hubs.</summary>
public interface IDocumentEvents
{
    /// <summary>Stored ops, in version order with no gap.</summary>
    Task DocumentOps(DocumentOpsEvent message);

    /// <summary>Every cursor of the document.</summary>
    Task CursorsChanged(CursorsChangedEvent message);

    /// <summary>The document was locked or unlocked.</summary>
    Task DocumentLockChanged(DocumentLockChangedEvent message);
}
