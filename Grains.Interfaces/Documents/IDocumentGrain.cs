using CopLive.Grains.Security;

namespace CopLive.Grains.Documents;

/// <summary>
/// A co-edited Markdown document (docs/architecture.md, the op path): server-authoritative operational transformation,
/// acknowledgements only once the op is stored, exact authorship, and every past version readable.
/// Every method re-checks the caller's rights in the document's community.
/// </summary>
[Alias("coplive.IDocumentGrain")]
public interface IDocumentGrain : IGrainWithGuidKey
{
    /// <summary>The current text, version and cursors (members of the community).</summary>
    [Alias("Open")]
    Task<DocumentOpened> OpenAsync(Caller caller);

    /// <summary>
    /// Transforms the op against everything committed since its base version, applies it, and returns the new
    /// version once the op is stored. A resubmission (same client id and seq) returns the version first assigned.
    /// </summary>
    [Alias("Submit")]
    Task<long> SubmitAsync(Caller caller, OpSubmission submission);

    /// <summary>Locks the document (read-only for everyone but facilitators and owners) or unlocks it.</summary>
    [Alias("SetLocked")]
    Task<DocumentView> SetLockedAsync(Caller caller, bool locked, string? reason);

    /// <summary>Committed ops with version greater than <paramref name="fromVersion"/>, in order, at most <paramref name="limit"/>.</summary>
    [Alias("GetOps")]
    Task<OpsPage> GetOpsAsync(Caller caller, long fromVersion, int limit);

    /// <summary>The text at <paramref name="version"/>, or the current text when null.</summary>
    [Alias("GetAtVersion")]
    Task<DocumentView> GetAtVersionAsync(Caller caller, long? version);

    /// <summary>Who wrote each passage now, and each member's contribution.</summary>
    [Alias("GetAuthorship")]
    Task<DocumentAuthorship> GetAuthorshipAsync(Caller caller);

    /// <summary>Places a client's cursor, given in code points of <paramref name="version"/>.</summary>
    [Alias("MoveCursor")]
    Task MoveCursorAsync(Caller caller, string clientId, long version, int anchor, int head);

    /// <summary>Removes a client's cursor (it closed the document or disconnected).</summary>
    [Alias("RemoveCursor")]
    Task RemoveCursorAsync(Caller caller, string clientId);

    /// <summary>Subscribes a gateway's observer; subscriptions expire unless renewed.</summary>
    [Alias("Subscribe")]
    Task SubscribeAsync(IDocumentObserver observer);

    /// <summary>Ends a gateway's subscription.</summary>
    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(IDocumentObserver observer);
}
