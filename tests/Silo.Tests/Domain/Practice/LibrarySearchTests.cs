using CopLive.Silo.Domain.Practice;

namespace CopLive.Silo.Tests.Domain.Practice;

/// <summary>Searching a library's texts the way teachers type: case and accents ignored, the passage shown.</summary>
public sealed class LibrarySearchTests
{
    [Theory]
    [InlineData("cafe menu with area", "Students build a Café menu with área models", "Students build a Café menu with área models")]
    [InlineData("ÉLÈVES", "Les élèves comparent ½ et ¼", "Les élèves comparent ½ et ¼")]
    [InlineData("bar models", "Line one\nTry bar models 🍫 first", "Line one Try bar models 🍫 first")]
    public void Snippet_FindsTheWords_IgnoringCaseAndAccents(string query, string text, string snippet) =>
        Assert.Equal(snippet, LibrarySearch.Snippet(query, text));

    [Fact]
    public void Snippet_OfALongText_IsThePassageAroundTheMatch_AndNoneWithoutOne()
    {
        var text = new string('a', 200) + " fractions " + new string('b', 200);

        var snippet = LibrarySearch.Snippet("FRACTIONS", text);

        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
        Assert.Contains(" fractions ", snippet);
        Assert.True(snippet!.Length < 140);
        Assert.Null(LibrarySearch.Snippet("geometry", text));
    }
}
