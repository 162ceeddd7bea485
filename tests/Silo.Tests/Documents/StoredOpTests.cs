using System.Text.Json;
using CopLive.Silo.Grains.Documents;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace CopLive.Silo.Tests.Documents;

/// <summary>The stored form of an op, as the grain-storage serializer writes it (System.Text.Json with NodaTime).</summary>
public sealed class StoredOpTests
{
    private static readonly JsonSerializerOptions Storage = new JsonSerializerOptions().ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    [Fact]
    public void AnOpByItsOwnAuthor_IsStoredWithoutInsertAuthors_AndReadsBackTheSame()
    {
        var op = new StoredOp { Version = 7, Op = "[3,\"ab\"]", Author = Guid.NewGuid(), ClientId = "tab", Seq = 2, At = Instant.FromUtc(2026, 12, 1, 15, 0) };

        var json = JsonSerializer.Serialize(op, Storage);
        var back = JsonSerializer.Deserialize<StoredOp>(json, Storage)!;

        Assert.DoesNotContain("InsertAuthors", json);
        Assert.Null(back.InsertAuthors);
        Assert.Equal((op.Version, op.Op, op.Author, op.ClientId, op.Seq, op.At), (back.Version, back.Op, back.Author, back.ClientId, back.Seq, back.At));
    }

    [Fact]
    public void MergedText_KeepsItsAuthorsInTheStoredForm()
    {
        var author = Guid.NewGuid();
        var op = new StoredOp { Version = 8, Op = "[\"notes\"]", InsertAuthors = [new StoredRun { Author = author, Length = 5 }] };

        var back = JsonSerializer.Deserialize<StoredOp>(JsonSerializer.Serialize(op, Storage), Storage)!;

        Assert.Equal(author, Assert.Single(back.InsertAuthors!).Author);
    }
}
