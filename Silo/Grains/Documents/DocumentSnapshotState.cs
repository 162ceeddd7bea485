using CopLive.Silo.Domain;

namespace CopLive.Silo.Grains.Documents;

/// <summary>The document at its archive boundary: written when the boundary moves (every few dozen ops), read on activation.</summary>
[GenerateSerializer, Alias("coplive.DocumentSnapshotState")]
public sealed class DocumentSnapshotState
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public string Text { get; set; } = "";
    [Id(2)] public List<StoredRun> Runs { get; set; } = [];
    [Id(3)] public Dictionary<Guid, ContributionCounts> Contributions { get; set; } = [];
}

/// <summary>Code points by one author.</summary>
[GenerateSerializer, Alias("coplive.StoredRun")]
public sealed class StoredRun
{
    [Id(0)] public Guid Author { get; set; }
    [Id(1)] public int Length { get; set; }
}
