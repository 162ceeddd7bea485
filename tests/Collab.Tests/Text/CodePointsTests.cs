using System.Text;
using CopLive.Collab.Text;
using CsCheck;

namespace CopLive.Collab.Tests.Text;

/// <summary>The vectorized code-point counting against a plain walk over <see cref="Rune"/>s.</summary>
public sealed class CodePointsTests
{
    // Long stretches of plain text with the odd emoji or accent, so both the fast path and the pairs are exercised.
    private static readonly Gen<string> Text = Gen.Frequency(
            (12, Gen.Char['a', 'z'].Select(c => c.ToString())),
            (1, Gen.OneOf(Gen.Const("🙂"), Gen.Const("é"), Gen.Const("e\u0301"), Gen.Const("𝄞"))))
        .Array[0, 200].Select(string.Concat);

    [Fact]
    public void Count_IsTheNumberOfRunes() =>
        Text.Sample(text => CodePoints.Count(text) == text.EnumerateRunes().Count(), iter: 5_000);

    [Fact]
    public void Utf16Length_IsTheUnitsOfThatManyRunes_OrMinusOneBeyondTheEnd() =>
        Text.SelectMany(t => Gen.Int[0, t.Length + 3].Select(n => (t, n))).Sample((text, n) =>
        {
            var runes = text.EnumerateRunes().ToList();
            var expected = n > runes.Count ? -1 : runes.Take(n).Sum(r => r.Utf16SequenceLength);
            return CodePoints.Utf16Length(text, n) == expected;
        }, iter: 5_000);
}
