using CopLive.Collab.Authorship;
using CopLive.Collab.Text;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using System.Collections.Immutable;
using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Silo.Domain;

/// <summary>
/// The in-memory model of a co-edited document: current text and version, the recent ops submissions are
/// transformed against, authorship, contribution totals, and the archive boundary (the last version whose ops
/// are in written-once history segments). Pure: no Orleans, no storage, no clock.
/// </summary>
public sealed class LiveDocument
{
    private readonly List<CommittedOp> _recent = [];  // versions _recentStart + 1 .. Version
    private long _recentStart;
    private readonly AttributedText _live;
    private readonly Dictionary<Guid, ContributionCounts> _contributions;
    private readonly AttributedText _archive;
    private readonly Dictionary<Guid, ContributionCounts> _archiveContributions;

    /// <summary>
    /// Rebuilds the document from a snapshot and the ops committed after it: those through
    /// <paramref name="archivedVersion"/> (default: the snapshot's) come from history segments, the rest from the tail.
    /// </summary>
    public LiveDocument(DocumentCheckpoint archive, IEnumerable<CommittedOp> tail, long? archivedVersion = null)
    {
        ArchivedVersion = archive.Version;
        SnapshotVersion = archive.Version;
        Version = archive.Version;
        _recentStart = archive.Version;
        _archive = new AttributedText(archive.Text, archive.Runs);
        _live = new AttributedText(archive.Text, archive.Runs);
        _archiveContributions = archive.Contributions.ToDictionary(p => p.Key, p => p.Value.Clone());
        _contributions = archive.Contributions.ToDictionary(p => p.Key, p => p.Value.Clone());

        foreach (var op in tail.Where(o => o.Version > archive.Version).OrderBy(o => o.Version))
        {
            if (op.Version != Version + 1)
            {
                throw new InvalidOperationException($"Stored history has a hole: version {op.Version} follows {Version}.");
            }
            Append(op);
        }
        if (archivedVersion > Version)
        {
            throw new InvalidOperationException($"Stored history ends at version {Version}, before the archive boundary {archivedVersion}.");
        }
        if (archivedVersion is { } boundary && boundary > ArchivedVersion)
        {
            Archive(Range(ArchivedVersion, boundary)!);
        }
    }

    /// <summary>The number of committed ops; the text is at this version.</summary>
    public long Version { get; private set; }

    /// <summary>The current text (built from the live text's chunks when asked for after a change).</summary>
    public string Text => _live.Text;

    /// <summary>The current length in code points.</summary>
    public int Length => _live.Length;

    /// <summary>Ops up to this version are in history segments; later ones are only in the tail.</summary>
    public long ArchivedVersion { get; private set; }

    /// <summary>The version of the last stored snapshot (at or before <see cref="ArchivedVersion"/>).</summary>
    public long SnapshotVersion { get; private set; }

    /// <summary>
    /// Whether enough has been archived since the last snapshot to store a new one at the archive boundary
    /// (see <see cref="DocumentLimits.SegmentsPerSnapshot"/>).
    /// </summary>
    public bool SnapshotDue =>
        ArchivedVersion - SnapshotVersion >= (long)DocumentLimits.SegmentSize * DocumentLimits.SegmentsPerSnapshot(Length);

    /// <summary>Records that a snapshot at the archive boundary has been stored.</summary>
    public void SnapshotTaken() => SnapshotVersion = ArchivedVersion;

    /// <summary>The oldest base version a submission can be transformed from without loading history.</summary>
    public long RecentStart => _recentStart;

    /// <summary>Who wrote what now.</summary>
    public IReadOnlyList<AuthorRun> Runs => _live.Runs;

    /// <summary>The ops not yet archived, oldest first.</summary>
    public IReadOnlyList<CommittedOp> Unarchived => _recent.GetRange((int)(ArchivedVersion - _recentStart), (int)(Version - ArchivedVersion));

    /// <summary>The document at the archive boundary, as stored in the snapshot.</summary>
    public DocumentCheckpoint ArchiveCheckpoint => new(
        ArchivedVersion, _archive.Text, [.. _archive.Runs],
        _archiveContributions.ToDictionary(p => p.Key, p => p.Value.Clone()));

    /// <summary>Each member's contribution.</summary>
    public IEnumerable<Contribution> Contributions()
    {
        // Members with text here by way of a merge (breakout notes) count, even without ops of their own here.
        var present = _live.CharactersByAuthor();
        return _contributions.Keys.Union(present.Keys)
            .Where(author => author != Guid.Empty)
            .Select(author =>
            {
                var counts = _contributions.GetValueOrDefault(author) ?? new ContributionCounts();
                return new Contribution(new MemberId(author), present.GetValueOrDefault(author), counts.Inserted, counts.Deleted, counts.Ops);
            })
            .OrderByDescending(c => c.Present).ThenBy(c => c.Member.Value);
    }

    /// <summary>
    /// Transforms <paramref name="op"/>, made on <paramref name="baseVersion"/>, against every op committed since,
    /// one at a time and in order, with the submitted op on the left (it wins insert ties).
    /// </summary>
    public TextOp Rebase(long baseVersion, TextOp op)
    {
        if (baseVersion > Version)
        {
            throw new CopLiveException(CopLiveError.NewerThanHead, $"Base version {baseVersion} is newer than the document (version {Version}); reload it.");
        }
        if (baseVersion < 0 || baseVersion < _recentStart)
        {
            throw new CopLiveException(CopLiveError.TooOld, $"Base version {baseVersion} is too old to transform (the oldest is {_recentStart}); fetch the ops since then or reload.");
        }
        for (var i = (int)(baseVersion - _recentStart); i < _recent.Count; i++)
        {
            op = TextType.Transform(op, _recent[i].Op, Side.Left);
        }
        return op;
    }

    /// <summary>Applies a rebased op as the next version.</summary>
    /// <exception cref="CopLiveException">The op is too large or does not fit the text; nothing changed.</exception>
    public CommittedOp Commit(TextOp op, MemberId author, string clientId, long seq, Instant at, ImmutableArray<AuthorSpan> insertAuthors = default)
    {
        CheckLimits(op);
        var committed = new CommittedOp(Version + 1, op, author, clientId, seq, at, insertAuthors);
        try
        {
            Apply(_live, committed);
        }
        catch (InvalidOpException e)
        {
            throw new CopLiveException(CopLiveError.InvalidOp, e.Message, "op");
        }
        Record(committed);
        return committed;
    }

    /// <summary>Committed ops with version in (<paramref name="after"/>, <paramref name="through"/>] if they are in memory.</summary>
    public IReadOnlyList<CommittedOp>? Range(long after, long through)
    {
        if (after < _recentStart || through > Version || after >= through)
        {
            return after >= through ? [] : null;
        }
        return _recent.GetRange((int)(after - _recentStart), (int)(through - after));
    }

    /// <summary>The text at <paramref name="version"/> if it can be rebuilt from memory (at or after the archive boundary).</summary>
    public string? TextAt(long version)
    {
        if (version == Version)
        {
            return Text;
        }
        if (version < ArchivedVersion || version > Version)
        {
            return null;
        }
        var text = _archive.Text;
        foreach (var op in Range(ArchivedVersion, version)!)
        {
            text = TextType.Apply(text, op.Op);
        }
        return text;
    }

    /// <summary>
    /// Moves the archive boundary over every whole segment of unarchived ops through <paramref name="storedThrough"/>
    /// (ops after it are not stored yet, so they are not archived either). Returns the segments to write (each with
    /// the text at its start when it is a checkpoint segment).
    /// </summary>
    public IReadOnlyList<ArchiveBlock> TakeArchiveBlocks(long storedThrough)
    {
        var through = Math.Min(storedThrough, Version);
        if (through - ArchivedVersion < DocumentLimits.SegmentSize)
        {
            return [];
        }

        var blocks = new List<ArchiveBlock>();
        while (through - ArchivedVersion >= DocumentLimits.SegmentSize)
        {
            var index = ArchivedVersion / DocumentLimits.SegmentSize;
            var ops = Range(ArchivedVersion, ArchivedVersion + DocumentLimits.SegmentSize)!;
            blocks.Add(new ArchiveBlock(index, ops, index % DocumentLimits.CheckpointEverySegments == 0 ? _archive.Text : null));
            Archive(ops);
        }
        return blocks;
    }

    /// <summary>Moves the archive boundary over <paramref name="ops"/>, the ops just after it.</summary>
    private void Archive(IReadOnlyList<CommittedOp> ops)
    {
        foreach (var op in ops)
        {
            Apply(_archive, op);
            Count(_archiveContributions, op);
        }
        ArchivedVersion = ops[^1].Version;
    }

    /// <summary>Adds older ops (loaded from history) in front of the recent ones, so older bases can be transformed.</summary>
    public void PrependHistory(IReadOnlyList<CommittedOp> older)
    {
        if (older.Count == 0 || older[^1].Version != _recentStart)
        {
            return;
        }
        var from = older.TakeWhile(o => o.Version <= _recentStart).ToList();
        _recent.InsertRange(0, from);
        _recentStart = from[0].Version - 1;
    }

    /// <summary>Forgets recent ops beyond the rebase window (never unarchived ones).</summary>
    public void TrimRecent()
    {
        var keepFrom = Math.Min(ArchivedVersion, Version - DocumentLimits.RebaseWindow);
        if (keepFrom > _recentStart)
        {
            _recent.RemoveRange(0, (int)(keepFrom - _recentStart));
            _recentStart = keepFrom;
        }
    }

    private void CheckLimits(TextOp op)
    {
        if (op.Count > DocumentLimits.MaxComponents)
        {
            throw new CopLiveException(CopLiveError.TooLarge, $"An op may have at most {DocumentLimits.MaxComponents} components; this one has {op.Count}.", "op");
        }
        var inserted = 0;
        foreach (var c in op.Components)
        {
            if (c.Kind == ComponentKind.Insert)
            {
                inserted += c.Length;
            }
        }
        if (inserted > DocumentLimits.MaxInsertPerOp)
        {
            throw new CopLiveException(CopLiveError.TooLarge, $"An op may insert at most {DocumentLimits.MaxInsertPerOp} characters; this one inserts {inserted}.", "op");
        }
        if (Length + op.LengthDelta > DocumentLimits.MaxLength)
        {
            throw new CopLiveException(CopLiveError.TooLarge, $"The document would grow past {DocumentLimits.MaxLength} characters.", "op");
        }
    }

    private void Append(CommittedOp op)
    {
        Apply(_live, op);
        Record(op);
    }

    /// <summary>Counts an op applied to the live text and makes it the current version.</summary>
    private void Record(CommittedOp op)
    {
        Count(_contributions, op);
        _recent.Add(op);
        Version = op.Version;
    }

    /// <summary>Applies an op to a text, crediting its inserts to its author or to the authors it carries.</summary>
    private static void Apply(AttributedText text, CommittedOp op)
    {
        if (op.InsertAuthors.IsDefaultOrEmpty)
        {
            text.Apply(op.Op, op.Author.Value);
            return;
        }
        // Merged text keeps its authors: the spans cover the op's inserts in order.
        var spans = op.InsertAuthors.Select(a => new AuthorRun(a.Author.Value, a.Length)).ToList();
        var offset = 0;
        text.Apply(op.Op, i =>
        {
            var length = op.Op[i].Length;
            var runs = new List<AuthorRun>();
            var position = 0;
            foreach (var span in spans)
            {
                var from = Math.Max(offset, position);
                var to = Math.Min(offset + length, position + span.Length);
                if (from < to)
                {
                    runs.Add(span with { Length = to - from });
                }
                position += span.Length;
            }
            offset += length;
            return runs;
        });
    }

    private static void Count(Dictionary<Guid, ContributionCounts> totals, CommittedOp op)
    {
        if (!totals.TryGetValue(op.Author.Value, out var counts))
        {
            totals[op.Author.Value] = counts = new ContributionCounts();
        }
        counts.Ops++;
        foreach (var c in op.Op.Components)
        {
            if (c.Kind == ComponentKind.Insert)
            {
                counts.Inserted += c.Length;
            }
            else if (c.Kind == ComponentKind.Delete)
            {
                counts.Deleted += c.Length;
            }
        }
    }
}
