using CopLive.Collab.Text;

namespace CopLive.Grains.Collab;

/// <summary>
/// Wire form of a <see cref="TextOp"/> in grain calls: parallel arrays of component kinds, lengths and texts.
/// Converting back re-validates, so a malformed op cannot be smuggled through a grain call.
/// </summary>
[GenerateSerializer, Immutable, Alias("coplive.TextOp")]
public readonly struct TextOpSurrogate
{
    /// <summary>Component kinds.</summary>
    [Id(0)] public readonly byte[] Kinds;

    /// <summary>Component lengths in code points.</summary>
    [Id(1)] public readonly int[] Lengths;

    /// <summary>Component texts (null for skips and count-form deletes).</summary>
    [Id(2)] public readonly string?[] Texts;

    /// <summary>Creates the wire form.</summary>
    public TextOpSurrogate(byte[] kinds, int[] lengths, string?[] texts)
    {
        Kinds = kinds;
        Lengths = lengths;
        Texts = texts;
    }
}

/// <summary>Converts <see cref="TextOp"/> to and from <see cref="TextOpSurrogate"/>.</summary>
[RegisterConverter]
public sealed class TextOpSurrogateConverter : IConverter<TextOp, TextOpSurrogate>
{
    /// <inheritdoc />
    public TextOp ConvertFromSurrogate(in TextOpSurrogate surrogate)
    {
        var components = new OpComponent[surrogate.Kinds.Length];
        for (var i = 0; i < components.Length; i++)
        {
            components[i] = (ComponentKind)surrogate.Kinds[i] switch
            {
                ComponentKind.Skip => OpComponent.Skip(surrogate.Lengths[i]),
                ComponentKind.Insert => OpComponent.Insert(surrogate.Texts[i]!),
                _ => surrogate.Texts[i] is { } text ? OpComponent.Delete(text) : OpComponent.Delete(surrogate.Lengths[i]),
            };
        }
        return TextOp.Create(components);
    }

    /// <inheritdoc />
    public TextOpSurrogate ConvertToSurrogate(in TextOp value)
    {
        var kinds = new byte[value.Count];
        var lengths = new int[value.Count];
        var texts = new string?[value.Count];
        for (var i = 0; i < value.Count; i++)
        {
            kinds[i] = (byte)value[i].Kind;
            lengths[i] = value[i].Length;
            texts[i] = value[i].Text;
        }
        return new TextOpSurrogate(kinds, lengths, texts);
    }
}
