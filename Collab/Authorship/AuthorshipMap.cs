using CopLive.Collab.Text;

namespace CopLive.Collab.Authorship;

/// <summary>
/// Who wrote each code point of a document, as run-length spans kept in step with the text: every op applied
/// to the text is applied here too, so "who wrote this" stays exact under concurrent edits.
/// </summary>
public sealed class AuthorshipMap
{
    private readonly List<AuthorRun> _runs;

    /// <summary>A map of <paramref name="length"/> code points all by <paramref name="author"/>.</summary>
    public AuthorshipMap(int length, Guid author = default)
    {
        _runs = length > 0 ? [new AuthorRun(author, length)] : [];
    }

    /// <summary>A map from stored runs (merged, empty runs dropped).</summary>
    public AuthorshipMap(IEnumerable<AuthorRun> runs)
    {
        _runs = [];
        foreach (var run in runs)
        {
            Add(_runs, run);
        }
    }

    /// <summary>The runs in document order; adjacent runs always have different authors.</summary>
    public IReadOnlyList<AuthorRun> Runs => _runs;

    /// <summary>The document length in code points.</summary>
    public int Length => _runs.Sum(r => r.Length);

    /// <summary>Code points currently in the document per author.</summary>
    public IReadOnlyDictionary<Guid, int> CharactersByAuthor()
    {
        var counts = new Dictionary<Guid, int>();
        foreach (var run in _runs)
        {
            counts[run.Author] = counts.GetValueOrDefault(run.Author) + run.Length;
        }
        return counts;
    }

    /// <summary>Applies an op whose inserts were all written by <paramref name="author"/>.</summary>
    /// <exception cref="InvalidOpException">The op runs past the end of the document.</exception>
    public void Apply(TextOp op, Guid author) => Apply(op, _ => [new AuthorRun(author, 0)]);

    /// <summary>
    /// Applies an op whose inserted text keeps its own authorship (for example notes merged from a breakout room):
    /// <paramref name="insertAuthors"/> gives, for the index of each insert component, the runs covering it.
    /// </summary>
    public void Apply(TextOp op, Func<int, IReadOnlyList<AuthorRun>> insertAuthors)
    {
        var result = new List<AuthorRun>(_runs.Count + op.Count);
        var index = 0;   // run being read
        var offset = 0;  // code points of it already consumed
        for (var i = 0; i < op.Count; i++)
        {
            var c = op[i];
            switch (c.Kind)
            {
                case ComponentKind.Insert:
                    var runs = insertAuthors(i);
                    if (runs.Count == 1 && runs[0].Length == 0)
                    {
                        Add(result, runs[0] with { Length = c.Length });
                    }
                    else
                    {
                        if (runs.Sum(r => r.Length) != c.Length)
                        {
                            throw new InvalidOpException($"The authorship given for op[{i}] covers {runs.Sum(r => r.Length)} code points, not {c.Length}.");
                        }
                        foreach (var run in runs)
                        {
                            Add(result, run);
                        }
                    }
                    break;
                default:
                    for (var remaining = c.Length; remaining > 0;)
                    {
                        if (index >= _runs.Count)
                        {
                            throw new InvalidOpException("The op runs past the end of the document.");
                        }
                        var run = _runs[index];
                        var take = Math.Min(remaining, run.Length - offset);
                        if (c.Kind == ComponentKind.Skip)
                        {
                            Add(result, run with { Length = take });
                        }
                        remaining -= take;
                        offset += take;
                        if (offset == run.Length)
                        {
                            index++;
                            offset = 0;
                        }
                    }
                    break;
            }
        }

        if (index < _runs.Count)
        {
            Add(result, _runs[index] with { Length = _runs[index].Length - offset });
            for (index++; index < _runs.Count; index++)
            {
                Add(result, _runs[index]);
            }
        }
        _runs.Clear();
        _runs.AddRange(result);
    }

    /// <summary>The runs covering code points [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public IReadOnlyList<AuthorRun> Slice(int start, int end)
    {
        var result = new List<AuthorRun>();
        var position = 0;
        foreach (var run in _runs)
        {
            var from = Math.Max(start, position);
            var to = Math.Min(end, position + run.Length);
            if (from < to)
            {
                Add(result, run with { Length = to - from });
            }
            position += run.Length;
            if (position >= end)
            {
                break;
            }
        }
        return result;
    }

    private static void Add(List<AuthorRun> runs, AuthorRun run)
    {
        if (run.Length <= 0)
        {
            return;
        }
        if (runs.Count > 0 && runs[^1].Author == run.Author)
        {
            runs[^1] = run with { Length = runs[^1].Length + run.Length };
        }
        else
        {
            runs.Add(run);
        }
    }
}
