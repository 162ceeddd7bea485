using System.Buffers;

namespace CopLive.Collab.Text;

/// <summary>
/// The ot-text-unicode type (ShareDB's text type) over .NET strings: apply, transform, compose, cursor
/// transformation and inversion with exactly its semantics, plus strict checks the reference leaves out
/// (ops that run past the end of the document, and string-form deletes that do not match it, are refused).
/// </summary>
public static class TextType
{
    /// <summary>Applies <paramref name="op"/> to <paramref name="document"/>.</summary>
    /// <exception cref="InvalidOpException">The op reads past the end of the document, or a delete names other text than is there.</exception>
    public static string Apply(string document, TextOp op)
    {
        if (op.IsNoop)
        {
            return document;
        }

        // First find (and check) the UTF-16 units each component covers, then build the result with one copy: a
        // document can be a megabyte, and every op is applied to it.
        var units = ArrayPool<int>.Shared.Rent(op.Count);
        try
        {
            var position = 0;
            var consumed = 0;
            var length = document.Length;
            for (var i = 0; i < op.Count; i++)
            {
                var c = op[i];
                switch (c.Kind)
                {
                    case ComponentKind.Insert:
                        units[i] = c.Text!.Length;
                        length += units[i];
                        break;
                    case ComponentKind.Skip:
                        units[i] = Advance(document, position, c.Length, consumed);
                        position += units[i];
                        consumed += c.Length;
                        break;
                    default:
                        units[i] = Advance(document, position, c.Length, consumed);
                        if (c.Text is not null && !document.AsSpan(position, units[i]).SequenceEqual(c.Text))
                        {
                            throw new InvalidOpException(
                                $"The delete at position {consumed} names text the document does not have there.");
                        }
                        position += units[i];
                        consumed += c.Length;
                        length -= units[i];
                        break;
                }
            }
            return string.Create(length, (document, op, units), static (result, state) =>
            {
                var (document, op, units) = state;
                var from = 0;
                for (var i = 0; i < op.Count; i++)
                {
                    var c = op[i];
                    if (c.Kind == ComponentKind.Insert)
                    {
                        c.Text.AsSpan().CopyTo(result);
                        result = result[units[i]..];
                    }
                    else if (c.Kind == ComponentKind.Skip)
                    {
                        document.AsSpan(from, units[i]).CopyTo(result);
                        result = result[units[i]..];
                        from += units[i];
                    }
                    else
                    {
                        from += units[i];
                    }
                }
                document.AsSpan(from).CopyTo(result);
            });
        }
        finally
        {
            ArrayPool<int>.Shared.Return(units);
        }
    }

    /// <summary>
    /// Transforms <paramref name="op"/> so that it applies after <paramref name="other"/>, both having been made on
    /// the same document. <paramref name="side"/> breaks ties between inserts at the same position.
    /// </summary>
    public static TextOp Transform(TextOp op, TextOp other, Side side)
    {
        var result = new OpBuilder(op.Count + 2);
        var reader = new ComponentReader(op);
        foreach (var c2 in other.Components)
        {
            switch (c2.Kind)
            {
                case ComponentKind.Skip:
                    for (var length = c2.Length; length > 0;)
                    {
                        var c1 = reader.Take(length, ComponentKind.Insert);
                        result.Append(c1);
                        if (c1.Kind != ComponentKind.Insert)
                        {
                            length -= c1.Length;
                        }
                    }
                    break;
                case ComponentKind.Insert:
                    if (side == Side.Left && reader.PeekKind == ComponentKind.Insert && reader.TryTakeRest(out var first))
                    {
                        result.Append(first);
                    }
                    result.Skip(c2.Length);
                    break;
                default:
                    for (var length = c2.Length; length > 0;)
                    {
                        var c1 = reader.Take(length, ComponentKind.Insert);
                        if (c1.Kind == ComponentKind.Insert)
                        {
                            result.Append(c1);
                        }
                        else
                        {
                            // Skipped text is gone now; text both ops delete is deleted once.
                            length -= c1.Length;
                        }
                    }
                    break;
            }
        }
        while (reader.TryTakeRest(out var rest))
        {
            result.Append(rest);
        }
        return result.Build();
    }

    /// <summary>One op with the effect of <paramref name="first"/> followed by <paramref name="second"/>.</summary>
    public static TextOp Compose(TextOp first, TextOp second)
    {
        var result = new OpBuilder(first.Count + second.Count);
        var reader = new ComponentReader(first);
        foreach (var c2 in second.Components)
        {
            switch (c2.Kind)
            {
                case ComponentKind.Skip:
                    for (var length = c2.Length; length > 0;)
                    {
                        var chunk = reader.Take(length, ComponentKind.Delete);
                        result.Append(chunk);
                        if (chunk.Kind != ComponentKind.Delete)
                        {
                            length -= chunk.Length;
                        }
                    }
                    break;
                case ComponentKind.Insert:
                    result.Append(c2);
                    break;
                default:
                    for (var offset = 0; offset < c2.Length;)
                    {
                        var chunk = reader.Take(c2.Length - offset, ComponentKind.Delete);
                        switch (chunk.Kind)
                        {
                            case ComponentKind.Skip:
                                result.Append(DeleteSlice(c2, offset, offset + chunk.Length));
                                offset += chunk.Length;
                                break;
                            case ComponentKind.Insert:
                                // The second op deletes what the first inserted: neither survives.
                                offset += chunk.Length;
                                break;
                            default:
                                result.Append(chunk);
                                break;
                        }
                    }
                    break;
            }
        }
        while (reader.TryTakeRest(out var rest))
        {
            result.Append(rest);
        }
        return result.Build();
    }

    /// <summary>Where <paramref name="cursor"/> ends up once <paramref name="op"/> is applied. Inserts at the cursor go after it.</summary>
    public static int TransformPosition(int cursor, TextOp op)
    {
        var position = 0;
        foreach (var c in op.Components)
        {
            if (cursor <= position)
            {
                break;
            }
            switch (c.Kind)
            {
                case ComponentKind.Skip:
                    position += c.Length;
                    break;
                case ComponentKind.Insert:
                    position += c.Length;
                    cursor += c.Length;
                    break;
                default:
                    cursor -= Math.Min(c.Length, cursor - position);
                    break;
            }
        }
        return cursor;
    }

    /// <summary>Transforms both ends of a selection.</summary>
    public static Selection TransformSelection(Selection selection, TextOp op) =>
        new(TransformPosition(selection.Anchor, op), TransformPosition(selection.Head, op));

    /// <summary>The op that undoes <paramref name="op"/>; every delete must name its text.</summary>
    /// <exception cref="InvalidOpException">A delete gives only a count (use <see cref="MakeInvertible"/> first).</exception>
    public static TextOp Invert(TextOp op)
    {
        var result = new OpBuilder(op.Count);
        foreach (var c in op.Components)
        {
            result.Append(c.Kind switch
            {
                ComponentKind.Skip => c,
                ComponentKind.Insert => OpComponent.Trusted(ComponentKind.Delete, c.Length, c.Text),
                _ when c.Text is not null => OpComponent.Trusted(ComponentKind.Insert, c.Length, c.Text),
                _ => throw new InvalidOpException("The op cannot be inverted: a delete gives only a count, not the deleted text."),
            });
        }
        return result.Build();
    }

    /// <summary>The same op with every delete naming the text it removes from <paramref name="document"/>.</summary>
    public static TextOp MakeInvertible(TextOp op, string document)
    {
        var result = new OpBuilder(op.Count);
        var position = 0;
        var consumed = 0;
        foreach (var c in op.Components)
        {
            if (c.Kind == ComponentKind.Insert)
            {
                result.Append(c);
                continue;
            }
            var span = Advance(document, position, c.Length, consumed);
            result.Append(c.Kind == ComponentKind.Delete && c.Text is null
                ? OpComponent.Trusted(ComponentKind.Delete, c.Length, document.Substring(position, span))
                : c);
            position += span;
            consumed += c.Length;
        }
        return result.Build();
    }

    /// <summary>The same op with deletes reduced to counts.</summary>
    public static TextOp StripInvertible(TextOp op)
    {
        var result = new OpBuilder(op.Count);
        foreach (var c in op.Components)
        {
            result.Append(c.IsDeleteWithText ? OpComponent.Trusted(ComponentKind.Delete, c.Length, null) : c);
        }
        return result.Build();
    }

    /// <summary>Normalizes a sequence of components: merges neighbours of the same kind and drops a trailing skip.</summary>
    public static TextOp Normalize(IEnumerable<OpComponent> components)
    {
        var result = new OpBuilder();
        foreach (var c in components)
        {
            result.Append(c);
        }
        return result.Build();
    }

    private static OpComponent DeleteSlice(OpComponent delete, int start, int end) =>
        delete.Text is null
            ? OpComponent.Trusted(ComponentKind.Delete, end - start, null)
            : OpComponent.Trusted(ComponentKind.Delete, end - start, CodePoints.Slice(delete.Text, start, end));

    /// <summary>UTF-16 units of the next <paramref name="codePoints"/> code points after <paramref name="position"/>.</summary>
    private static int Advance(string document, int position, int codePoints, int consumed)
    {
        var units = CodePoints.Utf16Length(document.AsSpan(position), codePoints);
        return units >= 0
            ? units
            : throw new InvalidOpException(
                $"The op reaches position {consumed + codePoints}, past the end of the document ({consumed + CodePoints.Count(document.AsSpan(position))} characters).");
    }
}
