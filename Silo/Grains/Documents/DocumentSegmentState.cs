namespace CopLive.Silo.Grains.Documents;

/// <summary>Persisted form of an archived segment.</summary>
[GenerateSerializer, Alias("coplive.DocumentSegmentState")]
public sealed class DocumentSegmentState
{
    [Id(0)] public bool Stored { get; set; }
    [Id(1)] public long Index { get; set; }
    [Id(2)] public List<StoredOp> Ops { get; set; } = [];
    [Id(3)] public string? CheckpointText { get; set; }
}
