namespace CopLive.Collab.Text;

/// <summary>
/// Accumulates components the way the type's <c>append</c> does: adjacent components of the same kind merge
/// (two deletes keep their text only if both have it), and a trailing skip is dropped when the op is built.
/// </summary>
internal sealed class OpBuilder(int capacity = 4)
{
    private readonly List<OpComponent> _components = new(capacity);

    public void Append(OpComponent c)
    {
        if (c.Length == 0)
        {
            return;
        }
        if (_components.Count == 0 || _components[^1].Kind != c.Kind)
        {
            _components.Add(c);
            return;
        }

        var last = _components[^1];
        _components[^1] = c.Kind switch
        {
            ComponentKind.Skip => OpComponent.Trusted(ComponentKind.Skip, last.Length + c.Length, null),
            ComponentKind.Insert => OpComponent.Trusted(ComponentKind.Insert, last.Length + c.Length, last.Text + c.Text),
            _ => OpComponent.Trusted(
                ComponentKind.Delete, last.Length + c.Length,
                last.Text is not null && c.Text is not null ? last.Text + c.Text : null),
        };
    }

    public void Skip(int count)
    {
        if (count > 0)
        {
            Append(OpComponent.Trusted(ComponentKind.Skip, count, null));
        }
    }

    public TextOp Build()
    {
        if (_components.Count > 0 && _components[^1].Kind == ComponentKind.Skip)
        {
            _components.RemoveAt(_components.Count - 1);
        }
        return TextOp.Trusted([.. _components]);
    }
}
