namespace CopLive.Collab.Text;

/// <summary>
/// Reads an op piece by piece (the type's <c>take</c>): asks for up to N code points and gets the next
/// component or a slice of it. Past the end an op skips forever. Inserts (in transform) or deletes (in compose)
/// can be made indivisible: they are handed out whole, whatever N is.
/// </summary>
internal struct ComponentReader(TextOp op)
{
    private int _index;
    private int _offset;      // code points already taken from the current component
    private int _offset16;    // the same offset in UTF-16 units, for components with text

    /// <summary>The kind of the next component, or null at the end.</summary>
    public readonly ComponentKind? PeekKind => _index < op.Count ? op[_index].Kind : null;

    /// <summary>Takes up to <paramref name="n"/> code points (or a whole indivisible component).</summary>
    public OpComponent Take(int n, ComponentKind indivisible)
    {
        if (_index == op.Count)
        {
            return OpComponent.Trusted(ComponentKind.Skip, n, null);
        }

        var c = op[_index];
        var remaining = c.Length - _offset;
        if (remaining <= n || c.Kind == indivisible)
        {
            return TakeRest();
        }

        OpComponent part;
        if (c.Text is null)
        {
            part = OpComponent.Trusted(c.Kind, n, null);
        }
        else
        {
            var length16 = CodePoints.Utf16Length(c.Text.AsSpan(_offset16), n);
            part = OpComponent.Trusted(c.Kind, n, c.Text.Substring(_offset16, length16));
            _offset16 += length16;
        }
        _offset += n;
        return part;
    }

    /// <summary>Takes the rest of the current component; false at the end of the op.</summary>
    public bool TryTakeRest(out OpComponent component)
    {
        if (_index == op.Count)
        {
            component = default;
            return false;
        }
        component = TakeRest();
        return true;
    }

    private OpComponent TakeRest()
    {
        var c = op[_index];
        var part = _offset == 0
            ? c
            : OpComponent.Trusted(c.Kind, c.Length - _offset, c.Text?.Substring(_offset16));
        _index++;
        _offset = 0;
        _offset16 = 0;
        return part;
    }
}
