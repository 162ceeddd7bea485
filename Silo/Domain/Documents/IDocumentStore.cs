using CopLive.Grains.Documents;

namespace CopLive.Silo.Domain.Documents;

/// <summary>
/// Where a document keeps what it commits: a small, often-written tail of ops, a head (archive boundary, settings,
/// each client's last stored op), written-once history segments, and a rarely written snapshot. The grain's storage
/// in the silo; an in-memory store whose writes a test can hold or fail in the tests.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Stores ops after the archive boundary; completes once every one of them is durable.</summary>
    Task WriteOpsAsync(IReadOnlyList<CommittedOp> ops);

    /// <summary>Stores the head: the archive boundary, the document's settings, and each client's last stored op.</summary>
    Task WriteHeadAsync(long archivedVersion, IReadOnlyList<ClientMark> clients);

    /// <summary>Stores a whole segment of history; storing the same segment again is harmless.</summary>
    Task WriteSegmentAsync(ArchiveBlock segment);

    /// <summary>Stores the document as it is at the archive boundary.</summary>
    Task WriteSnapshotAsync(DocumentCheckpoint checkpoint);

    /// <summary>Reads an archived segment; a missing one is a storage fault.</summary>
    Task<ArchiveBlock> ReadSegmentAsync(long index);
}
