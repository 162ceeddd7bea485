namespace CopLive.Silo.Domain.Sessions;

/// <summary>How members are spread over breakout rooms: pure, so it is tested directly.</summary>
public static class BreakoutAssignment
{
    /// <summary>Deals members round-robin, so room sizes differ by at most one.</summary>
    public static IReadOnlyList<int> Balanced(int members, int rooms) =>
        [.. Enumerable.Range(0, members).Select(i => i % rooms)];

    /// <summary>
    /// Places members in standing groups: each member with a group goes back to it (wrapped when there are fewer rooms
    /// than groups); the others join the smallest rooms, in the order given. Returns member → room.
    /// </summary>
    public static Dictionary<T, int> Standing<T>(IReadOnlyList<T> members, int rooms, IReadOnlyDictionary<T, int> groups) where T : notnull
    {
        var placement = new Dictionary<T, int>();
        var sizes = new int[rooms];
        foreach (var member in members.Where(groups.ContainsKey))
        {
            var room = groups[member] % rooms;
            placement[member] = room;
            sizes[room]++;
        }
        foreach (var member in members.Where(m => !groups.ContainsKey(m)))
        {
            var room = Smallest(sizes);
            placement[member] = room;
            sizes[room]++;
        }
        return placement;
    }

    /// <summary>The room with the fewest members (the first such room on a tie), for someone arriving late.</summary>
    public static int Smallest(IReadOnlyList<int> sizes)
    {
        var best = 0;
        for (var i = 1; i < sizes.Count; i++)
        {
            if (sizes[i] < sizes[best])
            {
                best = i;
            }
        }
        return best;
    }
}
