using CopLive.Silo.Storage;

namespace CopLive.Silo.Grains.Documents;

/// <summary>Holds one archived segment of a document's history.</summary>
[GrainType("coplive.document-history")]
public sealed class DocumentHistoryGrain(
    [PersistentState("segment", StorageNames.Default)] IPersistentState<DocumentSegmentState> state)
    : PersistentGrain, IDocumentHistoryGrain
{
    public static string Key(Guid document, long index) => $"{document:N}/{index}";

    public async Task StoreAsync(DocumentSegment segment)
    {
        if (state.State.Stored)
        {
            // A document that crashed between archiving and trimming its tail archives the same ops again.
            return;
        }
        state.State = new DocumentSegmentState
        {
            Stored = true,
            Index = segment.Index,
            Ops = [.. segment.Ops.Select(StoredOp.From)],
            CheckpointText = segment.CheckpointText,
        };
        await PersistAsync(state);
        // A stored segment is read again only when someone scrolls far back or a document loads, so its activation
        // is not kept for the silo's collection age: a busy document archives a segment every few seconds.
        DeactivateOnIdle();
    }

    public Task<DocumentSegment?> GetAsync() => Task.FromResult(state.State.Stored
        ? new DocumentSegment(state.State.Index, [.. state.State.Ops.Select(o => o.ToCommitted())], state.State.CheckpointText)
        : null);
}
