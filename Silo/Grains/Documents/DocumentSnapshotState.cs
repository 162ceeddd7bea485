using CopLive.Collab.Authorship;
using CopLive.Silo.Domain;

namespace CopLive.Silo.Grains.Documents;

/// <summary>
/// The document at a version on or before its archive boundary: written every few segments (less often the longer
/// the document, see <see cref="DocumentLimits.SegmentsPerSnapshot"/>), read on activation.
/// </summary>
[GenerateSerializer, Alias("coplive.DocumentSnapshotState")]
public sealed class DocumentSnapshotState
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public string Text { get; set; } = "";

    // Id 2 held authorship one object per run in pre-release builds; never reuse it.

    [Id(3)] public Dictionary<Guid, ContributionCounts> Contributions { get; set; } = [];

    /// <summary>Everyone who wrote part of the text; <see cref="Spans"/> refers to them by index.</summary>
    [Id(4)] public List<Guid> Authors { get; set; } = [];

    /// <summary>
    /// Authorship as pairs (index into <see cref="Authors"/>, length in code points), in text order: a long document
    /// has thousands of runs, and a pair of numbers is a sixth of the size of a run written as an object.
    /// </summary>
    [Id(5)] public List<int> Spans { get; set; } = [];

    /// <summary>The state that stores <paramref name="checkpoint"/>.</summary>
    public static DocumentSnapshotState From(DocumentCheckpoint checkpoint)
    {
        var authors = new List<Guid>();
        var indexes = new Dictionary<Guid, int>();
        var spans = new List<int>(checkpoint.Runs.Count * 2);
        foreach (var run in checkpoint.Runs)
        {
            if (!indexes.TryGetValue(run.Author, out var index))
            {
                indexes[run.Author] = index = authors.Count;
                authors.Add(run.Author);
            }
            spans.Add(index);
            spans.Add(run.Length);
        }
        return new DocumentSnapshotState
        {
            Version = checkpoint.Version,
            Text = checkpoint.Text,
            Contributions = checkpoint.Contributions.ToDictionary(p => p.Key, p => p.Value),
            Authors = authors,
            Spans = spans,
        };
    }

    /// <summary>The checkpoint this state stores.</summary>
    public DocumentCheckpoint ToCheckpoint()
    {
        if (Spans.Count % 2 != 0)
        {
            throw new InvalidOperationException($"A document snapshot at version {Version} has an odd number of span entries.");
        }
        IReadOnlyList<AuthorRun> runs = [.. Enumerable.Range(0, Spans.Count / 2).Select(i => new AuthorRun(Authors[Spans[2 * i]], Spans[2 * i + 1]))];
        return new DocumentCheckpoint(Version, Text, runs, Contributions);
    }
}

/// <summary>Code points by one author.</summary>
[GenerateSerializer, Alias("coplive.StoredRun")]
public sealed class StoredRun
{
    [Id(0)] public Guid Author { get; set; }
    [Id(1)] public int Length { get; set; }
}
