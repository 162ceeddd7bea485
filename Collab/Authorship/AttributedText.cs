using CopLive.Collab.Text;

namespace CopLive.Collab.Authorship;

/// <summary>
/// A document's text together with who wrote each of its code points, changed by ops of the text type. Held in
/// chunks of about a thousand code points, each with its own text and runs, so that applying an op costs in
/// proportion to the chunks it touches, not to the length of the document or the number of its authors' runs: a
/// lesson plan can be a megabyte, and every keystroke of every editor is applied to it.
/// </summary>
/// <remarks>
/// Apply gives the same text as <see cref="TextType.Apply"/> and refuses the same ops with the same messages; an op
/// is checked in full before anything changes, so a refused op leaves the text and its authorship as they were.
/// The whole text and the merged runs are built when asked for, and kept until the next op.
/// </remarks>
public sealed class AttributedText
{
    /// <summary>The size chunks are cut to, in code points: edits copy about this much text.</summary>
    internal const int DefaultChunkSize = 1024;

    private readonly int _chunkSize;
    private readonly List<TextChunk> _chunks = [];
    private int _length;
    private string? _text;
    private List<AuthorRun>? _runs;

    /// <summary>
    /// <paramref name="text"/> (well-formed UTF-16) written as <paramref name="runs"/> say, which must cover its code
    /// points exactly.
    /// </summary>
    /// <exception cref="ArgumentException">The runs cover more or fewer code points than the text has.</exception>
    public AttributedText(string text, IEnumerable<AuthorRun> runs)
        : this(text, runs, DefaultChunkSize)
    {
    }

    /// <summary>Tests cut chunks small, so that every edit meets chunk boundaries.</summary>
    internal AttributedText(string text, IEnumerable<AuthorRun> runs, int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        _chunkSize = chunkSize;
        var merged = RunList.Merge(runs);
        _length = CodePoints.Count(text);
        var covered = merged.Sum(r => r.Length);
        if (covered != _length)
        {
            throw new ArgumentException($"The authorship covers {covered} code points; the text has {_length}.", nameof(runs));
        }
        _chunks.AddRange(Cut(text, merged, _chunkSize));
        _text = text;
        _runs = merged;
    }

    /// <summary><paramref name="text"/>, all of it written by <paramref name="author"/>.</summary>
    public AttributedText(string text, Guid author = default)
        : this(text, [new AuthorRun(author, CodePoints.Count(text))])
    {
    }

    private int MaxChunk => 2 * _chunkSize;

    private int MinChunk => _chunkSize / 2;

    /// <summary>The length in code points.</summary>
    public int Length => _length;

    /// <summary>The text.</summary>
    public string Text => _text ??= Join();

    /// <summary>Who wrote what, in document order; adjacent runs always have different authors.</summary>
    public IReadOnlyList<AuthorRun> Runs => _runs ??= RunList.Merge(_chunks.SelectMany(c => c.Runs));

    /// <summary>Code points currently in the text per author.</summary>
    public IReadOnlyDictionary<Guid, int> CharactersByAuthor()
    {
        var counts = new Dictionary<Guid, int>();
        foreach (var chunk in _chunks)
        {
            foreach (var run in chunk.Runs)
            {
                counts[run.Author] = counts.GetValueOrDefault(run.Author) + run.Length;
            }
        }
        return counts;
    }

    /// <summary>Applies an op whose inserts were all written by <paramref name="author"/>.</summary>
    /// <exception cref="InvalidOpException">The op does not fit the text; nothing changed.</exception>
    public void Apply(TextOp op, Guid author) => Apply(op, _ => [new AuthorRun(author, 0)]);

    /// <summary>
    /// Applies an op whose inserted text keeps its own authorship (for example notes merged from a breakout room):
    /// <paramref name="insertAuthors"/> gives, for the index of each insert component, the runs covering it (a
    /// single run of length 0 covers the whole insert).
    /// </summary>
    /// <exception cref="InvalidOpException">The op does not fit the text, or the runs do not cover an insert; nothing changed.</exception>
    public void Apply(TextOp op, Func<int, IReadOnlyList<AuthorRun>> insertAuthors)
    {
        if (op.IsNoop)
        {
            return;
        }
        var edits = Check(op, insertAuthors);
        // Positions are the ones before the op; edits made from the end backwards leave the earlier ones valid.
        for (var i = edits.Count - 1; i >= 0; i--)
        {
            var edit = edits[i];
            if (edit.Inserted is { } text)
            {
                Insert(edit.Position, text, edit.Authors!);
            }
            else
            {
                Delete(edit.Position, edit.Deleted);
            }
        }
        _text = null;
        _runs = null;
    }

    /// <summary>Checks the whole op against the text and lists its edits, at positions in the text before it.</summary>
    private List<Edit> Check(TextOp op, Func<int, IReadOnlyList<AuthorRun>> insertAuthors)
    {
        var edits = new List<Edit>(op.Count);
        var consumed = 0;
        for (var i = 0; i < op.Count; i++)
        {
            var c = op[i];
            if (c.Kind == ComponentKind.Insert)
            {
                var runs = insertAuthors(i);
                if (runs.Count == 1 && runs[0].Length == 0)
                {
                    runs = [runs[0] with { Length = c.Length }];
                }
                else if (runs.Sum(r => r.Length) != c.Length)
                {
                    throw new InvalidOpException($"The authorship given for op[{i}] covers {runs.Sum(r => r.Length)} code points, not {c.Length}.");
                }
                edits.Add(new Edit(consumed, c.Text, runs, 0));
                continue;
            }
            if ((long)consumed + c.Length > _length)
            {
                throw new InvalidOpException(
                    $"The op reaches position {(long)consumed + c.Length}, past the end of the document ({_length} characters).");
            }
            if (c.Kind == ComponentKind.Delete)
            {
                if (c.Text is not null && !Matches(consumed, c.Text))
                {
                    throw new InvalidOpException($"The delete at position {consumed} names text the document does not have there.");
                }
                edits.Add(new Edit(consumed, null, null, c.Length));
            }
            consumed += c.Length;
        }
        return edits;
    }

    /// <summary>Whether the text from code point <paramref name="position"/> on starts with <paramref name="expected"/>.</summary>
    private bool Matches(int position, string expected)
    {
        var (index, offset) = Find(position, preferEnd: false);
        var rest = expected.AsSpan();
        var units = CodePoints.Utf16Length(_chunks[index].Text, offset);
        while (rest.Length > 0 && index < _chunks.Count)
        {
            var available = _chunks[index].Text[units..];
            var compared = Math.Min(available.Length, rest.Length);
            if (!available[..compared].SequenceEqual(rest[..compared]))
            {
                return false;
            }
            rest = rest[compared..];
            index++;
            units = 0;
        }
        return rest.Length == 0;
    }

    private void Insert(int position, string text, IReadOnlyList<AuthorRun> authors)
    {
        if (_chunks.Count == 0)
        {
            _chunks.Add(new TextChunk([], 0, []));
        }
        var (index, offset) = Find(position, preferEnd: true);
        var chunk = _chunks[index];
        var count = CodePoints.Count(text);
        chunk.Insert(CodePoints.Utf16Length(chunk.Text, offset), text, count);
        RunList.Splice(chunk.Runs, offset, 0, authors);
        _length += count;
        if (chunk.CodePoints > MaxChunk)
        {
            _chunks.RemoveAt(index);
            _chunks.InsertRange(index, Cut(chunk.Text, chunk.Runs, _chunkSize));
        }
    }

    private void Delete(int position, int count)
    {
        _length -= count;
        var (index, offset) = Find(position, preferEnd: false);
        while (count > 0)
        {
            var chunk = _chunks[index];
            var taken = Math.Min(count, chunk.CodePoints - offset);
            var from = CodePoints.Utf16Length(chunk.Text, offset);
            var units = CodePoints.Utf16Length(chunk.Text[from..], taken);
            count -= taken;
            if (taken == chunk.CodePoints)
            {
                _chunks.RemoveAt(index);
                continue;
            }
            chunk.Remove(from, units, taken);
            RunList.Splice(chunk.Runs, offset, taken, []);
            index++;
            offset = 0;
        }
        Rebalance(Math.Min(index, _chunks.Count - 1));
        Rebalance(Math.Min(index - 1, _chunks.Count - 1));
    }

    /// <summary>Joins a chunk that deletes left small to a neighbour, so the chunks stay few.</summary>
    private void Rebalance(int index)
    {
        if (index < 0 || _chunks[index].CodePoints >= MinChunk)
        {
            return;
        }
        var neighbour = index + 1 < _chunks.Count ? index + 1 : index - 1;
        if (neighbour < 0)
        {
            return;
        }
        var (first, second) = neighbour > index ? (index, neighbour) : (neighbour, index);
        var (a, b) = (_chunks[first], _chunks[second]);
        if (a.CodePoints + b.CodePoints > MaxChunk)
        {
            return;
        }
        a.Insert(a.Units, b.Text, b.CodePoints);
        a.Runs.AddRange(b.Runs);
        RunList.Compact(a.Runs);
        _chunks.RemoveAt(second);
    }

    /// <summary>
    /// The chunk holding code point <paramref name="position"/> and the offset in it. A position between two chunks
    /// is the end of the first when <paramref name="preferEnd"/> (where an insert goes), else the start of the second.
    /// </summary>
    private (int Index, int Offset) Find(int position, bool preferEnd)
    {
        for (var i = 0; i < _chunks.Count; i++)
        {
            var size = _chunks[i].CodePoints;
            if (position < size || (position == size && (preferEnd || i == _chunks.Count - 1)))
            {
                return (i, position);
            }
            position -= size;
        }
        throw new InvalidOperationException("A position past the end was not caught by the op's check.");
    }

    /// <summary>Cuts text and its runs into chunks of <paramref name="chunkSize"/> code points, in one pass over both.</summary>
    private static List<TextChunk> Cut(ReadOnlySpan<char> text, List<AuthorRun> runs, int chunkSize)
    {
        var chunks = new List<TextChunk>();
        var from = 0;
        var run = 0;
        var usedOfRun = 0;
        while (from < text.Length)
        {
            var units = CodePoints.Utf16Length(text[from..], chunkSize);
            if (units < 0)
            {
                units = text.Length - from;
            }
            var piece = text.Slice(from, units);
            var count = CodePoints.Count(piece);
            var pieceRuns = new List<AuthorRun>();
            for (var needed = count; needed > 0;)
            {
                var taken = Math.Min(needed, runs[run].Length - usedOfRun);
                RunList.Append(pieceRuns, runs[run] with { Length = taken });
                needed -= taken;
                usedOfRun += taken;
                if (usedOfRun == runs[run].Length)
                {
                    run++;
                    usedOfRun = 0;
                }
            }
            chunks.Add(new TextChunk(piece, count, pieceRuns));
            from += units;
        }
        return chunks;
    }

    private string Join()
    {
        var units = 0;
        foreach (var chunk in _chunks)
        {
            units += chunk.Units;
        }
        return string.Create(units, _chunks, static (result, chunks) =>
        {
            foreach (var chunk in chunks)
            {
                chunk.Text.CopyTo(result);
                result = result[chunk.Units..];
            }
        });
    }

    /// <summary>An insert (text and its authors) or a delete (a count) at a code-point position.</summary>
    private readonly record struct Edit(int Position, string? Inserted, IReadOnlyList<AuthorRun>? Authors, int Deleted);
}
