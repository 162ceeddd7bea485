using CopLive.Collab.Text;

namespace CopLive.Collab.Authorship;

/// <summary>
/// Who wrote each code point of a document, as run-length spans kept in step with the text: every op applied
/// to the text is applied here too, so "who wrote this" stays exact under concurrent edits.
/// </summary>
public sealed class AuthorshipMap
{
    private readonly List<AuthorRun> _runs;
    private int _length;

    /// <summary>A map of <paramref name="length"/> code points all by <paramref name="author"/>.</summary>
    public AuthorshipMap(int length, Guid author = default)
    {
        _runs = length > 0 ? [new AuthorRun(author, length)] : [];
        _length = Math.Max(0, length);
    }

    /// <summary>A map from stored runs (merged, empty runs dropped).</summary>
    public AuthorshipMap(IEnumerable<AuthorRun> runs)
    {
        _runs = [];
        foreach (var run in runs)
        {
            Add(_runs, run);
        }
        _length = _runs.Sum(r => r.Length);
    }

    /// <summary>The runs in document order; adjacent runs always have different authors.</summary>
    public IReadOnlyList<AuthorRun> Runs => _runs;

    /// <summary>The document length in code points.</summary>
    public int Length => _length;

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
    /// <remarks>
    /// Edits the runs in place, walking the op once: an op touches a few runs, and rebuilding the list for every op
    /// would cost time and garbage in proportion to the whole document. Everything is checked before anything
    /// changes, so a refused op leaves the map as it was.
    /// </remarks>
    public void Apply(TextOp op, Func<int, IReadOnlyList<AuthorRun>> insertAuthors)
    {
        var inserts = Check(op, insertAuthors);
        var cursor = new Cursor(0, 0);
        for (var i = 0; i < op.Count; i++)
        {
            var c = op[i];
            switch (c.Kind)
            {
                case ComponentKind.Skip:
                    cursor = Skip(cursor, c.Length);
                    break;
                case ComponentKind.Insert:
                    foreach (var run in inserts[i] ?? [])
                    {
                        cursor = Insert(cursor, run);
                    }
                    break;
                default:
                    cursor = Delete(cursor, c.Length);
                    break;
            }
        }
    }

    /// <summary>The authors of each insert (null where the component is not one), after checking the op fits.</summary>
    private IReadOnlyList<AuthorRun>?[] Check(TextOp op, Func<int, IReadOnlyList<AuthorRun>> insertAuthors)
    {
        var inserts = new IReadOnlyList<AuthorRun>?[op.Count];
        var consumed = 0L;
        for (var i = 0; i < op.Count; i++)
        {
            var c = op[i];
            if (c.Kind != ComponentKind.Insert)
            {
                consumed += c.Length;
                continue;
            }
            var runs = insertAuthors(i);
            if (runs.Count == 1 && runs[0].Length == 0)
            {
                runs = [runs[0] with { Length = c.Length }];
            }
            else if (runs.Sum(r => r.Length) != c.Length)
            {
                throw new InvalidOpException($"The authorship given for op[{i}] covers {runs.Sum(r => r.Length)} code points, not {c.Length}.");
            }
            inserts[i] = runs;
        }
        if (consumed > _length)
        {
            throw new InvalidOpException("The op runs past the end of the document.");
        }
        return inserts;
    }

    /// <summary>Moves <paramref name="count"/> code points forward.</summary>
    private Cursor Skip(Cursor at, int count)
    {
        var (index, offset) = at;
        while (count > 0)
        {
            var take = Math.Min(count, _runs[index].Length - offset);
            count -= take;
            offset += take;
            if (offset == _runs[index].Length)
            {
                index++;
                offset = 0;
            }
        }
        return new Cursor(index, offset);
    }

    /// <summary>Inserts a run at the cursor, joining it to a neighbour of the same author; returns the cursor after it.</summary>
    private Cursor Insert(Cursor at, AuthorRun run)
    {
        if (run.Length <= 0)
        {
            return at;
        }
        _length += run.Length;
        var (index, offset) = at;
        if (offset > 0)
        {
            var current = _runs[index];
            if (current.Author == run.Author)
            {
                _runs[index] = current with { Length = current.Length + run.Length };
                return new Cursor(index, offset + run.Length);
            }
            // Inside another author's run: split it around the new one.
            _runs[index] = current with { Length = offset };
            _runs.InsertRange(index + 1, [run, current with { Length = current.Length - offset }]);
            return new Cursor(index + 2, 0);
        }
        if (index > 0 && _runs[index - 1].Author == run.Author)
        {
            _runs[index - 1] = _runs[index - 1] with { Length = _runs[index - 1].Length + run.Length };
            return at;
        }
        if (index < _runs.Count && _runs[index].Author == run.Author)
        {
            _runs[index] = _runs[index] with { Length = _runs[index].Length + run.Length };
            return new Cursor(index, run.Length);
        }
        _runs.Insert(index, run);
        return new Cursor(index + 1, 0);
    }

    /// <summary>Deletes <paramref name="count"/> code points at the cursor, joining the runs that become neighbours.</summary>
    private Cursor Delete(Cursor at, int count)
    {
        _length -= count;
        var (index, offset) = at;
        if (offset > 0)
        {
            var current = _runs[index];
            var take = Math.Min(count, current.Length - offset);
            _runs[index] = current with { Length = current.Length - take };
            count -= take;
            if (offset < _runs[index].Length)
            {
                return at;
            }
            index++;
            offset = 0;
        }

        var end = index;
        while (count > 0 && _runs[end].Length <= count)
        {
            count -= _runs[end].Length;
            end++;
        }
        _runs.RemoveRange(index, end - index);
        if (count > 0)
        {
            _runs[index] = _runs[index] with { Length = _runs[index].Length - count };
        }

        if (index > 0 && index < _runs.Count && _runs[index - 1].Author == _runs[index].Author)
        {
            var before = _runs[index - 1].Length;
            _runs[index - 1] = _runs[index - 1] with { Length = before + _runs[index].Length };
            _runs.RemoveAt(index);
            return new Cursor(index - 1, before);
        }
        return new Cursor(index, offset);
    }

    /// <summary>A position in the runs: run <c>Index</c>, <c>Offset</c> code points into it (0 between runs).</summary>
    private readonly record struct Cursor(int Index, int Offset);

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
