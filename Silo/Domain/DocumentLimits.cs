namespace CopLive.Silo.Domain;

/// <summary>Limits and storage geometry of co-edited documents.</summary>
public static class DocumentLimits
{
    /// <summary>Largest document, in code points (about a 300-page book).</summary>
    public const int MaxLength = 1_000_000;

    /// <summary>Most code points one op may insert (a large paste).</summary>
    public const int MaxInsertPerOp = 100_000;

    /// <summary>Most components in one op.</summary>
    public const int MaxComponents = 1_000;

    /// <summary>How far back a submission's base version may be: the server transforms against at most this many ops.</summary>
    public const int RebaseWindow = 1_024;

    /// <summary>
    /// Ops per archived history segment (written once, never again). A segment is archived as soon as it is full, so
    /// the often-written tail stays under this many ops and a write's cost does not grow with the history.
    /// </summary>
    public const int SegmentSize = 32;

    /// <summary>
    /// Slots in a document's tail ring: each op after the archive boundary is stored alone in slot
    /// <c>version % TailSlots</c>. Twice a segment, so the ops of a full segment awaiting archiving and the ops
    /// committed meanwhile never share a slot. Persisted geometry: never change it.
    /// </summary>
    public const int TailSlots = 2 * SegmentSize;

    /// <summary>Every this many segments carries the full text at its start, so any version is rebuilt from at most this many segments.</summary>
    public const int CheckpointEverySegments = 16;

    /// <summary>Code points of text that earn one more archived segment between snapshots.</summary>
    private const int SnapshotCodePointsPerSegment = 2_048;

    /// <summary>
    /// Archived segments between snapshots of a document of <paramref name="length"/> code points. A snapshot holds
    /// the whole text and authorship, so a longer document takes one less often and its cost per op stays bounded;
    /// never fewer than every <see cref="CheckpointEverySegments"/>, so activation replays at most that many segments.
    /// </summary>
    public static int SegmentsPerSnapshot(int length) =>
        Math.Clamp(length / SnapshotCodePointsPerSegment, 1, CheckpointEverySegments);

    /// <summary>Sustained ops per second one member may submit to one document.</summary>
    public const double OpsPerSecond = 40;

    /// <summary>Ops a member may submit in a burst above the sustained rate.</summary>
    public const int OpsBurst = 80;
}
