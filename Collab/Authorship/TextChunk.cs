namespace CopLive.Collab.Authorship;

/// <summary>
/// A stretch of an <see cref="AttributedText"/>: its text (never cut inside a surrogate pair), its length in code
/// points, and who wrote each of them. Edits replace the chunk's fields rather than its neighbours', so an op costs
/// in proportion to the chunks it touches.
/// </summary>
internal sealed class TextChunk(string text, int codePoints, List<AuthorRun> runs)
{
    public string Text { get; set; } = text;

    public int CodePoints { get; set; } = codePoints;

    /// <summary>Runs covering exactly <see cref="CodePoints"/>; adjacent runs have different authors.</summary>
    public List<AuthorRun> Runs { get; set; } = runs;
}
