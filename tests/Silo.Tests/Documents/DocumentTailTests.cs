using CopLive.Collab.Text;
using CopLive.Grains.Ids;
using CopLive.Silo.Domain;
using CopLive.Silo.Grains.Documents;
using CopLive.Silo.Tests.Fixtures;
using NodaTime;

namespace CopLive.Silo.Tests.Documents;

/// <summary>The tail ring of a document on real storage (SQLite and PostgreSQL), as a restarted silo reads it.</summary>
public abstract class DocumentTailTests<TFixture>(TFixture fixture) where TFixture : ClusterFixture
{
    [Fact]
    public async Task TheOpsAfterTheBoundary_AreRead_AcrossTheWrapOfTheRing()
    {
        var document = Guid.NewGuid();
        var tail = new DocumentTail(fixture.GrainStorage, document);
        await tail.LoadAsync(0);
        const int Last = DocumentLimits.TailSlots + DocumentLimits.SegmentSize / 2;
        await tail.WriteAsync([.. Enumerable.Range(1, DocumentLimits.TailSlots).Select(v => Op(v, $"op {v}"))]);
        await tail.WriteAsync([.. Enumerable.Range(DocumentLimits.TailSlots + 1, Last - DocumentLimits.TailSlots).Select(v => Op(v, $"op {v}"))]);

        var read = await new DocumentTail(fixture.GrainStorage, document).LoadAsync(DocumentLimits.SegmentSize);

        Assert.Equal(Enumerable.Range(DocumentLimits.SegmentSize + 1, Last - DocumentLimits.SegmentSize), read.Select(o => (int)o.Version));
        Assert.All(read, o => Assert.Equal($"op {o.Version}", o.ClientId));
    }

    [Fact]
    public async Task OpsPastAMissingVersion_AreDropped_AndNeverComeBackAfterTheirVersionsAreReused()
    {
        // A crash stored ops 1, 2 and 4 of a write but not 3: none of 3 and 4 was acknowledged.
        var document = Guid.NewGuid();
        var crashed = new DocumentTail(fixture.GrainStorage, document);
        await crashed.LoadAsync(0);
        await crashed.WriteAsync([Op(1, "a"), Op(2, "a"), Op(4, "lost")]);

        var restarted = new DocumentTail(fixture.GrainStorage, document);
        var read = await restarted.LoadAsync(0);
        await restarted.WriteAsync([Op(3, "b")]);
        var again = await new DocumentTail(fixture.GrainStorage, document).LoadAsync(0);

        Assert.Equal([1L, 2L], read.Select(o => o.Version));
        Assert.Equal([1L, 2L, 3L], again.Select(o => o.Version));
        Assert.Equal("b", again[^1].ClientId);
    }

    private static StoredOp Op(long version, string client) => new()
    {
        Version = version,
        Op = TextOpJson.Serialize(TextOp.Create(OpComponent.Insert("x"))),
        Author = MemberId.New().Value,
        ClientId = client,
        Seq = version,
        At = Instant.FromUtc(2026, 12, 2, 9, 0),
    };
}

[Collection(SqliteCluster.Name)]
public sealed class SqliteDocumentTailTests(SqliteClusterFixture fixture)
    : DocumentTailTests<SqliteClusterFixture>(fixture);

[Collection(PostgresCluster.Name)]
public sealed class PostgresDocumentTailTests(PostgresClusterFixture fixture)
    : DocumentTailTests<PostgresClusterFixture>(fixture);
