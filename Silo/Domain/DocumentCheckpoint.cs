using CopLive.Collab.Authorship;

namespace CopLive.Silo.Domain;

/// <summary>A document fully described at one version: text, authorship and contribution totals.</summary>
public sealed record DocumentCheckpoint(
    long Version,
    string Text,
    IReadOnlyList<AuthorRun> Runs,
    IReadOnlyDictionary<Guid, ContributionCounts> Contributions);
