using CopLive.Collab.Text;

namespace CopLive.Gateway.Tests.Live;

/// <summary>Plausible random typing: inserts of accented text and emoji, deletes of short ranges.</summary>
internal sealed class RandomEdits(int seed)
{
    private static readonly string[] Pieces = ["a", "b", "é", "ü", "e\u0301", "😀", "👍🏽", "中", " ", "\n", "fractions", "ß"];
    private readonly Random _random = new(seed);

    public TextOp Next(string text)
    {
        var length = CodePoints.Count(text);
        var at = _random.Next(length + 1);
        if (length > 0 && _random.NextDouble() < 0.3)
        {
            var count = Math.Min(1 + _random.Next(3), length - Math.Min(at, length - 1));
            at = Math.Min(at, length - 1);
            return TextType.Normalize(at > 0 ? [OpComponent.Skip(at), OpComponent.Delete(count)] : [OpComponent.Delete(count)]);
        }
        var insert = string.Concat(Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => Pieces[_random.Next(Pieces.Length)]));
        return TextType.Normalize(at > 0 ? [OpComponent.Skip(at), OpComponent.Insert(insert)] : [OpComponent.Insert(insert)]);
    }

    public int Pause() => _random.Next(0, 15);
}
