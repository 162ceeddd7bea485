using CopLive.Collab.Text;
using CopLive.Grains.Ids;
using CopLive.Silo.Domain;
using CopLive.Silo.Domain.Documents;
using CopLive.Silo.Tests.Fixtures;
using NodaTime;

namespace CopLive.Silo.Tests.Domain.Documents;

/// <summary>A document's past read back from archived segments, with the store in memory.</summary>
public sealed class DocumentHistoryTests
{
    private const int Ops = DocumentLimits.SegmentSize * 3 + 5;
    private readonly MemoryDocumentStore _store = new();
    private readonly LiveDocument _document = new(new DocumentCheckpoint(0, "", [], new Dictionary<Guid, ContributionCounts>()), []);

    public DocumentHistoryTests()
    {
        for (var i = 0; i < Ops; i++)
        {
            _document.Commit(TextOp.At(_document.Length, OpComponent.Insert($"{i % 10}")), MemberId.New(), "tab", i + 1, Instant.FromUtc(2026, 12, 4, 9, 0));
        }
        foreach (var block in _document.TakeArchiveBlocks(_document.Version))
        {
            _store.WriteSegmentAsync(block).GetAwaiter().GetResult();
        }
        _document.TrimRecent();
    }

    [Fact]
    public async Task AnyPastVersion_IsRebuiltFromTheSegments()
    {
        var history = new DocumentHistory(_store);

        Assert.Equal("012345", await history.TextAtAsync(_document, 6));
        Assert.Equal(string.Concat(Enumerable.Range(0, 40).Select(i => $"{i % 10}")), await history.TextAtAsync(_document, 40));
        Assert.Equal(_document.Text, await history.TextAtAsync(_document, Ops));
    }

    [Fact]
    public async Task CatchUp_ReturnsTheOpsSinceAVersion_InOrder_AcrossSegmentsAndMemory()
    {
        var history = new DocumentHistory(_store);

        var ops = await history.OpsAsync(_document, from: 30, limit: 1_000);

        Assert.Equal(Enumerable.Range(31, Ops - 30).Select(v => (long)v), ops.Select(o => o.Version));
        Assert.Empty(await history.OpsAsync(_document, from: Ops, limit: 10));
    }

    [Fact]
    public async Task Loading_ReplaysTheSegmentsAfterTheSnapshot_ThenTheTail()
    {
        var history = new DocumentHistory(_store);
        var snapshot = new DocumentCheckpoint(0, "", [], new Dictionary<Guid, ContributionCounts>());
        var tail = _document.Range(_document.ArchivedVersion, _document.Version)!;

        var loaded = await history.LoadAsync(snapshot, _document.ArchivedVersion, tail);

        Assert.Equal((_document.Version, _document.Text, _document.ArchivedVersion), (loaded.Version, loaded.Text, loaded.ArchivedVersion));
    }
}
