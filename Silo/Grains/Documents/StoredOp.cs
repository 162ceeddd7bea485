using System.Text.Json.Serialization;
using CopLive.Collab.Text;
using CopLive.Grains.Documents;
using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Silo.Grains.Documents;

/// <summary>A committed op as stored: the op in its JSON notation, so storage never depends on engine types.</summary>
[GenerateSerializer, Alias("coplive.StoredOp")]
public sealed class StoredOp
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public string Op { get; set; } = "[]";
    [Id(2)] public Guid Author { get; set; }
    [Id(3)] public string ClientId { get; set; } = "";
    [Id(4)] public long Seq { get; set; }
    [Id(5)] public Instant At { get; set; }

    /// <summary>Authors of the inserted text when they are not all <see cref="Author"/>; null otherwise.</summary>
    /// <remarks>Left out of the stored JSON when null: almost every op, and every tail write repeats every op.</remarks>
    [Id(6)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<StoredRun>? InsertAuthors { get; set; }

    public static StoredOp From(CommittedOp op) => new()
    {
        Version = op.Version,
        Op = TextOpJson.Serialize(op.Op),
        Author = op.Author.Value,
        ClientId = op.ClientId,
        Seq = op.Seq,
        At = op.At,
        InsertAuthors = op.InsertAuthors.IsDefaultOrEmpty ? null : [.. op.InsertAuthors.Select(a => new StoredRun { Author = a.Author.Value, Length = a.Length })],
    };

    public CommittedOp ToCommitted() => new(
        Version, TextOpJson.Parse(Op), new MemberId(Author), ClientId, Seq, At,
        InsertAuthors is null ? default : [.. InsertAuthors.Select(r => new AuthorSpan(new MemberId(r.Author), r.Length))]);
}
