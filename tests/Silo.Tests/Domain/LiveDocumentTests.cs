using CopLive.Collab.Text;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Silo.Domain;
using NodaTime;

namespace CopLive.Silo.Tests.Domain;

public sealed class LiveDocumentTests
{
    private static readonly MemberId Ana = MemberId.New();

    private static LiveDocument At(long version, string text) =>
        new(new DocumentCheckpoint(version, text, text.Length > 0 ? [new(Guid.Empty, CodePoints.Count(text))] : [], new Dictionary<Guid, ContributionCounts>()), []);

    private static CommittedOp Commit(LiveDocument doc, long baseVersion, string op) =>
        doc.Commit(doc.Rebase(baseVersion, TextOpJson.Parse(op)), Ana, "tab", doc.Version + 1, Instant.FromUtc(2026, 12, 1, 16, 0));

    [Fact]
    public void Rebase_FromBeforeTheRecentOps_IsTooOld()
    {
        var doc = At(5_000, "abc");

        var refusal = Assert.Throws<CopLiveException>(() => doc.Rebase(10, TextOpJson.Parse("[\"x\"]")));

        Assert.Equal(CopLiveError.TooOld, refusal.Code);
    }

    [Fact]
    public void Commit_PastTheSizeLimit_IsTooLarge_AndChangesNothing()
    {
        var doc = At(0, new string('a', DocumentLimits.MaxLength - 1));

        var refusal = Assert.Throws<CopLiveException>(() => Commit(doc, 0, "[\"bb\"]"));

        Assert.Equal(CopLiveError.TooLarge, refusal.Code);
        Assert.Equal(0, doc.Version);
    }

    [Fact]
    public void Commit_OfAHugePaste_IsTooLarge()
    {
        var doc = At(0, "");

        var refusal = Assert.Throws<CopLiveException>(() =>
            doc.Commit(TextOp.Create(OpComponent.Insert(new string('x', DocumentLimits.MaxInsertPerOp + 1))), Ana, "tab", 1, Instant.MinValue));

        Assert.Equal(CopLiveError.TooLarge, refusal.Code);
    }

    [Fact]
    public void TakeArchiveBlocks_ArchivesWholeSegments_AndKeepsTheRestInTheTail()
    {
        var doc = At(0, "");
        for (var i = 0; i < 2 * DocumentLimits.SegmentSize + 3; i++)
        {
            Commit(doc, doc.Version, i == 0 ? "[\"a\"]" : $"[{i}, \"a\"]");
        }

        var blocks = doc.TakeArchiveBlocks(doc.Version);

        Assert.Equal([0L, 1L], blocks.Select(b => b.Index));
        Assert.Equal("", blocks[0].CheckpointText);
        Assert.Null(blocks[1].CheckpointText);
        Assert.Equal(2 * DocumentLimits.SegmentSize, doc.ArchivedVersion);
        Assert.Equal(3, doc.Unarchived.Count);
        Assert.Equal(new string('a', 2 * DocumentLimits.SegmentSize), doc.ArchiveCheckpoint.Text);
    }

    [Fact]
    public void ArchiveCheckpoint_IsTheTextAtTheBoundary_AfterInsertsAndDeletesAnywhere()
    {
        var doc = At(0, "Lesson plan: fractions 🍕\n");
        var texts = new List<string> { doc.Text };
        var random = new Random(7);
        string[] pieces = ["a", "é", "🙂", "e\u0301", "note ", "\\n"];
        for (var i = 0; i < 3 * DocumentLimits.SegmentSize + 5; i++)
        {
            var length = CodePoints.Count(doc.Text);
            var at = random.Next(length + 1);
            var op = length > 4 && random.Next(3) == 0
                ? (at > 0 ? $"[{Math.Min(at, length - 2)}, {{\"d\": 2}}]" : "[{\"d\": 2}]")
                : (at > 0 ? $"[{at}, \"{pieces[random.Next(pieces.Length)]}\"]" : $"[\"{pieces[random.Next(pieces.Length)]}\"]");
            Commit(doc, doc.Version, op);
            texts.Add(doc.Text);
        }

        var blocks = doc.TakeArchiveBlocks(doc.Version);

        Assert.Equal(3, blocks.Count);
        Assert.Equal(texts[(int)doc.ArchivedVersion], doc.ArchiveCheckpoint.Text);
        Assert.Equal(texts[0], blocks[0].CheckpointText);
        Assert.Equal(texts[^1], doc.TextAt(doc.Version));
        Assert.Equal(texts[(int)doc.ArchivedVersion + 2], doc.TextAt(doc.ArchivedVersion + 2));
    }

    [Fact]
    public void TakeArchiveBlocks_LeavesOpsNotYetStored_InTheTail()
    {
        var doc = At(0, "");
        for (var i = 0; i < DocumentLimits.SegmentSize + 3; i++)
        {
            Commit(doc, doc.Version, i == 0 ? "[\"a\"]" : $"[{i}, \"a\"]");
        }

        var early = doc.TakeArchiveBlocks(DocumentLimits.SegmentSize - 1);
        var stored = doc.TakeArchiveBlocks(DocumentLimits.SegmentSize);

        Assert.Empty(early);
        Assert.Single(stored);
        Assert.Equal(DocumentLimits.SegmentSize, doc.ArchivedVersion);
    }

    [Fact]
    public void Rebuilt_FromAnOlderSnapshotAndArchivedOps_IsTheSameDocument()
    {
        var doc = At(0, "start");
        var snapshot = doc.ArchiveCheckpoint;
        for (var i = 0; i < 2 * DocumentLimits.SegmentSize + 3; i++)
        {
            Commit(doc, doc.Version, i % 3 == 2 ? "[{\"d\": 1}]" : i % 4 == 0 ? "[\"é🙂\"]" : $"[{i % 4}, \"é🙂\"]");
        }
        doc.TakeArchiveBlocks(doc.Version);

        var rebuilt = new LiveDocument(snapshot, doc.Range(0, doc.Version)!, doc.ArchivedVersion);

        Assert.Equal(doc.Text, rebuilt.Text);
        Assert.Equal(doc.Version, rebuilt.Version);
        Assert.Equal(doc.ArchivedVersion, rebuilt.ArchivedVersion);
        Assert.Equal(doc.ArchiveCheckpoint.Text, rebuilt.ArchiveCheckpoint.Text);
        Assert.Equal(doc.ArchiveCheckpoint.Runs, rebuilt.ArchiveCheckpoint.Runs);
        Assert.Equal(doc.Runs, rebuilt.Runs);
        Assert.Equal(doc.Unarchived.Select(o => o.Version), rebuilt.Unarchived.Select(o => o.Version));
        Assert.Equal(0, rebuilt.SnapshotVersion);
    }

    [Theory]
    [InlineData(100, 1)]
    [InlineData(5_000, 2)]
    [InlineData(900_000, DocumentLimits.CheckpointEverySegments)]
    public void SnapshotDue_AfterMoreSegmentsTheLongerTheDocument(int length, int segments)
    {
        var doc = At(0, new string('x', length));
        for (var i = 0; i < segments * DocumentLimits.SegmentSize; i++)
        {
            Assert.False(doc.SnapshotDue);
            Commit(doc, doc.Version, "[\"a\"]");
            doc.TakeArchiveBlocks(doc.Version);
        }

        Assert.True(doc.SnapshotDue);
        doc.SnapshotTaken();
        Assert.False(doc.SnapshotDue);
        Assert.Equal(doc.ArchivedVersion, doc.SnapshotVersion);
    }
}
