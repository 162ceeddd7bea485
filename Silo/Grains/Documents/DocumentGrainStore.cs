using CopLive.Grains.Documents;
using CopLive.Silo.Domain;
using CopLive.Silo.Domain.Documents;
using Orleans.Storage;

namespace CopLive.Silo.Grains.Documents;

/// <summary>
/// A document grain's storage: the head and snapshot are its persistent states, the tail is a ring of rows in the
/// grain storage (<see cref="DocumentTail"/>), and each archived segment is a grain of its own, written once.
/// </summary>
internal sealed class DocumentGrainStore(
    Guid document,
    IPersistentState<DocumentHeadState> head,
    IPersistentState<DocumentSnapshotState> snapshot,
    IGrainStorage storage,
    IGrainFactory grains,
    DocumentSettings settings) : IDocumentStore
{
    private readonly DocumentTail _tail = new(storage, document);

    /// <summary>Reads the tail's ops after <paramref name="archivedVersion"/>, clearing what a crash left past a gap.</summary>
    public Task<IReadOnlyList<StoredOp>> LoadTailAsync(long archivedVersion) => _tail.LoadAsync(archivedVersion);

    /// <summary>Stores a new document: its first snapshot, an empty tail, then the head that says it exists.</summary>
    public async Task CreateAsync(DocumentCheckpoint checkpoint, DocumentHeadState created)
    {
        snapshot.State = DocumentSnapshotState.From(checkpoint);
        await snapshot.WriteStateAsync();
        _tail.StartEmpty();
        head.State = created;
        await head.WriteStateAsync();
    }

    public Task WriteOpsAsync(IReadOnlyList<CommittedOp> ops) => _tail.WriteAsync([.. ops.Select(StoredOp.From)]);

    public async Task WriteHeadAsync(long archivedVersion, IReadOnlyList<ClientMark> clients)
    {
        var current = head.State;
        head.State = new DocumentHeadState
        {
            Created = true,
            Community = current.Community,
            Title = current.Title,
            CreatedBy = current.CreatedBy,
            CreatedAt = current.CreatedAt,
            Session = current.Session,
            ArchivedVersion = archivedVersion,
            Locked = settings.Locked,
            Muted = [.. settings.Muted],
            Clients = clients.ToDictionary(c => c.ClientId, c => new StoredClientMark { Seq = c.Seq, Version = c.Version, At = c.At }),
        };
        await head.WriteStateAsync();
    }

    public Task WriteSegmentAsync(ArchiveBlock segment) =>
        Segment(segment.Index).StoreAsync(new DocumentSegment(segment.Index, [.. segment.Ops], segment.CheckpointText));

    public async Task WriteSnapshotAsync(DocumentCheckpoint checkpoint)
    {
        snapshot.State = DocumentSnapshotState.From(checkpoint);
        await snapshot.WriteStateAsync();
    }

    public async Task<ArchiveBlock> ReadSegmentAsync(long index)
    {
        var segment = await Segment(index).GetAsync()
            ?? throw new InvalidOperationException($"History segment {index} of document {document} is missing.");
        return new ArchiveBlock(segment.Index, segment.Ops, segment.CheckpointText);
    }

    private IDocumentHistoryGrain Segment(long index) => grains.GetGrain<IDocumentHistoryGrain>(DocumentHistoryGrain.Key(document, index));
}
