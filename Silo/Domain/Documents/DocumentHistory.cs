using CopLive.Collab.Text;
using CopLive.Grains.Documents;

namespace CopLive.Silo.Domain.Documents;

/// <summary>
/// A document's past, read from its archived segments: loading the document on activation, catching a client up
/// (ops since a version), rebuilding any past version, and reaching back for a submission based on an older version
/// than memory holds. Only the segments a request needs are read.
/// </summary>
public sealed class DocumentHistory(IDocumentStore store)
{
    /// <summary>Most ops one catch-up page returns.</summary>
    public const int MaxPage = 1_000;

    /// <summary>
    /// Rebuilds a document from its snapshot, the segments archived since it (through <paramref name="archivedVersion"/>),
    /// and the tail ops after that. After a crash between the two writes the snapshot can be ahead of the head's boundary.
    /// </summary>
    public async Task<LiveDocument> LoadAsync(DocumentCheckpoint snapshot, long archivedVersion, IReadOnlyList<CommittedOp> tail)
    {
        var archived = Math.Max(archivedVersion, snapshot.Version);
        var first = snapshot.Version / DocumentLimits.SegmentSize;
        var segments = await Task.WhenAll(
            Enumerable.Range(0, (int)(archived / DocumentLimits.SegmentSize - first)).Select(i => store.ReadSegmentAsync(first + i)));
        return new LiveDocument(snapshot, [.. segments.SelectMany(s => s.Ops), .. tail], archived);
    }

    /// <summary>
    /// Committed ops with version in (<paramref name="from"/>, <paramref name="from"/> + <paramref name="limit"/>], in
    /// order, none after <paramref name="upTo"/> (the last stored version, so nobody reads an op a crash could lose).
    /// </summary>
    public async Task<IReadOnlyList<CommittedOp>> OpsAsync(LiveDocument document, long from, int limit, long? upTo = null)
    {
        var through = Math.Min(Math.Min(document.Version, upTo ?? document.Version), from + Math.Clamp(limit, 1, MaxPage));
        var ops = new List<CommittedOp>();
        for (var index = from / DocumentLimits.SegmentSize; from + ops.Count < through;)
        {
            var next = from + ops.Count;
            if (document.Range(next, through) is { } recent)
            {
                ops.AddRange(recent);
                break;
            }
            var segment = await store.ReadSegmentAsync(index++);
            ops.AddRange(segment.Ops.Where(o => o.Version > next && o.Version <= through));
        }
        return ops;
    }

    /// <summary>The text at <paramref name="version"/> (between 0 and the document's version).</summary>
    public async Task<string> TextAtAsync(LiveDocument document, long version)
    {
        if (document.TextAt(version) is { } recent)
        {
            return recent;
        }

        // Older than the archive boundary: start from the nearest checkpoint segment at or before it.
        var segmentOf = version / DocumentLimits.SegmentSize;
        var index = segmentOf - segmentOf % DocumentLimits.CheckpointEverySegments;
        var first = await store.ReadSegmentAsync(index);
        var text = first.CheckpointText ?? throw new InvalidOperationException($"History segment {index} has no checkpoint.");
        for (var segment = first; ; segment = await store.ReadSegmentAsync(++index))
        {
            foreach (var op in segment.Ops.TakeWhile(o => o.Version <= version))
            {
                text = TextType.Apply(text, op.Op);
            }
            if (segment.Ops[^1].Version >= version)
            {
                return text;
            }
        }
    }

    /// <summary>Puts the ops since <paramref name="baseVersion"/> back in memory, so a submission based on it can be transformed.</summary>
    public async Task ReachBackAsync(LiveDocument document, long baseVersion)
    {
        while (document.RecentStart > baseVersion)
        {
            var segment = await store.ReadSegmentAsync((document.RecentStart - 1) / DocumentLimits.SegmentSize);
            var before = document.RecentStart;
            document.PrependHistory(segment.Ops);
            if (document.RecentStart == before)
            {
                break;
            }
        }
    }
}
