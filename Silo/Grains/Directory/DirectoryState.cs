using CopLive.Grains.Directory;
using CopLive.Grains.Sessions;

namespace CopLive.Silo.Grains.Directory;

/// <summary>Persisted state of the directory.</summary>
[GenerateSerializer, Alias("coplive.DirectoryState")]
public sealed class DirectoryState
{
    [Id(0)] public long Seq { get; set; }
    [Id(1)] public List<DirectoryCommunity> Communities { get; set; } = [];
    [Id(2)] public List<SessionSummary> Sessions { get; set; } = [];
}
