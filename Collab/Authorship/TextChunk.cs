namespace CopLive.Collab.Authorship;

/// <summary>
/// A stretch of an <see cref="AttributedText"/>: its text (never cut inside a surrogate pair), its length in code
/// points, and who wrote each of them. Edits change the chunk in place rather than its neighbours, so an op costs
/// in proportion to the chunks it touches; the text sits in a buffer with room to grow, so a keystroke moves the
/// characters after it instead of allocating a new string for the chunk.
/// </summary>
internal sealed class TextChunk
{
    private char[] _buffer;

    public TextChunk(ReadOnlySpan<char> text, int codePoints, List<AuthorRun> runs)
    {
        _buffer = new char[Math.Max(16, text.Length + text.Length / 4)];
        text.CopyTo(_buffer);
        Units = text.Length;
        CodePoints = codePoints;
        Runs = runs;
    }

    /// <summary>The chunk's text; valid until the chunk next changes.</summary>
    public ReadOnlySpan<char> Text => _buffer.AsSpan(0, Units);

    /// <summary>The text's length in UTF-16 code units.</summary>
    public int Units { get; private set; }

    public int CodePoints { get; private set; }

    /// <summary>Runs covering exactly <see cref="CodePoints"/>; adjacent runs have different authors.</summary>
    public List<AuthorRun> Runs { get; }

    /// <summary>
    /// Inserts <paramref name="text"/>, <paramref name="codePoints"/> code points long, at code unit <paramref name="at"/>.
    /// </summary>
    public void Insert(int at, ReadOnlySpan<char> text, int codePoints)
    {
        var needed = Units + text.Length;
        if (needed > _buffer.Length)
        {
            var grown = new char[Math.Max(needed, 2 * _buffer.Length)];
            _buffer.AsSpan(0, Units).CopyTo(grown);
            _buffer = grown;
        }
        _buffer.AsSpan(at, Units - at).CopyTo(_buffer.AsSpan(at + text.Length));
        text.CopyTo(_buffer.AsSpan(at));
        Units = needed;
        CodePoints += codePoints;
    }

    /// <summary>
    /// Removes <paramref name="units"/> code units (<paramref name="codePoints"/> code points) from code unit <paramref name="at"/>.
    /// </summary>
    public void Remove(int at, int units, int codePoints)
    {
        _buffer.AsSpan(at + units, Units - at - units).CopyTo(_buffer.AsSpan(at));
        Units -= units;
        CodePoints -= codePoints;
    }
}
