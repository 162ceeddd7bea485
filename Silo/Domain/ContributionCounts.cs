namespace CopLive.Silo.Domain;

/// <summary>Running totals of one member's edits to a document.</summary>
[GenerateSerializer, Alias("coplive.ContributionCounts")]
public sealed class ContributionCounts
{
    [Id(0)] public long Inserted { get; set; }
    [Id(1)] public long Deleted { get; set; }
    [Id(2)] public long Ops { get; set; }

    public ContributionCounts Clone() => new() { Inserted = Inserted, Deleted = Deleted, Ops = Ops };
}
