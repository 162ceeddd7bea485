namespace CopLive.Bench.Floor;

/// <summary>The relay's connections by group; a relay reads a group's members without a lock.</summary>
internal sealed class RelayGroups
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RelayGroup> _groups = [];

    /// <summary>Adds <paramref name="member"/> to <paramref name="name"/>; returns the group to relay to.</summary>
    public RelayGroup Join(string name, RelayMember member)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(name, out var group))
            {
                _groups[name] = group = new RelayGroup();
            }
            group.Members = group.Members.Add(member);
            return group;
        }
    }

    public void Leave(string name, RelayMember member)
    {
        lock (_gate)
        {
            if (_groups.TryGetValue(name, out var group))
            {
                group.Members = group.Members.Remove(member);
            }
        }
    }
}
