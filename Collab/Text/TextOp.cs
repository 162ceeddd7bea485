using System.Collections;

namespace CopLive.Collab.Text;

/// <summary>
/// An operation of the ot-text-unicode type: components applied left to right over the document, offsets in
/// code points. A <see cref="TextOp"/> is always normalized — no empty components, no two adjacent components
/// of the same kind, no trailing skip — because construction rejects anything else rather than rewriting it.
/// Immutable.
/// </summary>
public sealed class TextOp : IReadOnlyList<OpComponent>, IEquatable<TextOp>
{
    private readonly OpComponent[] _components;

    private TextOp(OpComponent[] components) => _components = components;

    /// <summary>The operation that changes nothing (<c>[]</c>).</summary>
    public static TextOp Empty { get; } = new([]);

    /// <summary>A normalized operation from its components.</summary>
    /// <exception cref="InvalidOpException">The components are not normalized.</exception>
    public static TextOp Create(params ReadOnlySpan<OpComponent> components)
    {
        var array = components.ToArray();
        CheckNormalized(array);
        return array.Length == 0 ? Empty : new TextOp(array);
    }

    /// <summary>
    /// One change (an insert or a delete) at code point <paramref name="position"/>: a skip to it first, except at the
    /// start, where a normalized op has no empty skip.
    /// </summary>
    /// <exception cref="InvalidOpException"><paramref name="change"/> is a skip, or <paramref name="position"/> is negative.</exception>
    public static TextOp At(int position, OpComponent change) =>
        position == 0 ? Create(change) : Create(OpComponent.Skip(position), change);

    /// <summary>Wraps components produced by the engine itself, which are normalized by construction.</summary>
    internal static TextOp Trusted(OpComponent[] components) => components.Length == 0 ? Empty : new TextOp(components);

    /// <summary>True for <c>[]</c>.</summary>
    public bool IsNoop => _components.Length == 0;

    /// <summary>The number of components.</summary>
    public int Count => _components.Length;

    /// <summary>A component.</summary>
    public OpComponent this[int index] => _components[index];

    /// <summary>The components as a span.</summary>
    public ReadOnlySpan<OpComponent> Components => _components;

    /// <summary>Change in document length, in code points.</summary>
    public int LengthDelta
    {
        get
        {
            var delta = 0;
            foreach (var c in _components)
            {
                delta += c.Kind switch
                {
                    ComponentKind.Insert => c.Length,
                    ComponentKind.Delete => -c.Length,
                    _ => 0,
                };
            }
            return delta;
        }
    }

    /// <summary>True when every delete names its text, so <see cref="TextType.Invert"/> can undo the op.</summary>
    public bool IsInvertible
    {
        get
        {
            foreach (var c in _components)
            {
                if (c.Kind == ComponentKind.Delete && c.Text is null)
                {
                    return false;
                }
            }
            return true;
        }
    }

    private static void CheckNormalized(OpComponent[] components)
    {
        for (var i = 0; i < components.Length; i++)
        {
            var c = components[i];
            if (c.Length < 1)
            {
                throw new InvalidOpException($"op[{i}] is empty; every component must have a length of at least 1.");
            }
            if (i > 0 && components[i - 1].Kind == c.Kind)
            {
                throw new InvalidOpException($"op[{i - 1}] and op[{i}] are both {c.Kind.ToString().ToLowerInvariant()}s; a normalized op combines them.");
            }
        }
        if (components.Length > 0 && components[^1].Kind == ComponentKind.Skip)
        {
            throw new InvalidOpException("The op ends with a skip; a normalized op has no trailing skip.");
        }
    }

    /// <inheritdoc />
    public IEnumerator<OpComponent> GetEnumerator() => ((IEnumerable<OpComponent>)_components).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(TextOp? other) => other is not null && _components.AsSpan().SequenceEqual(other._components);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TextOp);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var c in _components)
        {
            hash.Add(c);
        }
        return hash.ToHashCode();
    }

    /// <summary>The op in the type's JSON notation, e.g. <c>[3,"hi",{"d":2}]</c>.</summary>
    public override string ToString() => $"[{string.Join(',', _components)}]";
}
