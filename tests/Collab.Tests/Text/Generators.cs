using CopLive.Collab.Text;
using CsCheck;

namespace CopLive.Collab.Tests.Text;

/// <summary>Random documents and ops for property tests: astral characters, combining marks, line breaks.</summary>
internal static class Generators
{
    private static readonly string[] Alphabet = ["a", "b", "z", " ", "\n", "é", "e", "\u0301", "中", "😀", "👍", "\U0001F3FD", "𝒳", "ß"];

    public static readonly Gen<string> Text = Gen.Int[0, 5].SelectMany(n => Gen.OneOf(Alphabet).Array[n, n]).Select(string.Concat);

    public static readonly Gen<string> NonEmptyText = Gen.Int[1, 5].SelectMany(n => Gen.OneOf(Alphabet).Array[n, n]).Select(string.Concat);

    public static readonly Gen<string> Document = Gen.Int[0, 24].SelectMany(n => Gen.OneOf(Alphabet).Array[n, n]).Select(string.Concat);

    /// <summary>A valid op for <paramref name="document"/>, normalized, with count- and text-form deletes.</summary>
    public static Gen<TextOp> OpFor(string document)
    {
        var length = CodePoints.Count(document);
        return Gen.Int[0, 8].Array[1, 8].SelectMany(rolls => Gen.Int[1, 4].Array[rolls.Length, rolls.Length].SelectMany(sizes =>
            NonEmptyText.Array[rolls.Length, rolls.Length].Select(inserts =>
            {
                var components = new List<OpComponent>();
                var at = 0;
                for (var i = 0; i < rolls.Length; i++)
                {
                    var left = length - at;
                    var n = Math.Min(sizes[i], left);
                    switch (rolls[i])
                    {
                        case <= 2 when n > 0:
                            components.Add(OpComponent.Skip(n));
                            at += n;
                            break;
                        case <= 5:
                            components.Add(OpComponent.Insert(inserts[i]));
                            break;
                        case 6 when n > 0:
                            components.Add(OpComponent.Delete(n));
                            at += n;
                            break;
                        case 7 when n > 0:
                            components.Add(OpComponent.Delete(CodePoints.Slice(document, at, at + n)));
                            at += n;
                            break;
                    }
                }
                return TextType.Normalize(components);
            })));
    }

    /// <summary>A document with two ops made concurrently on it.</summary>
    public static readonly Gen<(string Document, TextOp A, TextOp B)> Concurrent =
        Document.SelectMany(d => OpFor(d).SelectMany(a => OpFor(d).Select(b => (d, a, b))));

    /// <summary>A document with an op on it and a second op on the result.</summary>
    public static readonly Gen<(string Document, TextOp A, TextOp B)> Sequential =
        Document.SelectMany(d => OpFor(d).SelectMany(a => OpFor(TextType.Apply(d, a)).Select(b => (d, a, b))));
}
