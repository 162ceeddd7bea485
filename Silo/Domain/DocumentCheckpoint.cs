using CopLive.Collab.Authorship;
using CopLive.Collab.Text;

namespace CopLive.Silo.Domain;

/// <summary>A document fully described at one version: text, authorship and contribution totals.</summary>
public sealed record DocumentCheckpoint(
    long Version,
    string Text,
    IReadOnlyList<AuthorRun> Runs,
    IReadOnlyDictionary<Guid, ContributionCounts> Contributions)
{
    /// <summary>A new document's version 0: its starting text, all of it written by <paramref name="author"/>.</summary>
    public static DocumentCheckpoint Initial(string text, Guid author)
    {
        var length = CodePoints.Count(text);
        return new(0, text, length > 0 ? [new AuthorRun(author, length)] : [], new Dictionary<Guid, ContributionCounts>());
    }
}
