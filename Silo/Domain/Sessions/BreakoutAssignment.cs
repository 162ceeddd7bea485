namespace CopLive.Silo.Domain.Sessions;

/// <summary>How members are spread over breakout rooms: pure, so it is tested directly.</summary>
public static class BreakoutAssignment
{
    /// <summary>Deals members round-robin, so room sizes differ by at most one.</summary>
    public static IReadOnlyList<int> Balanced(int members, int rooms) =>
        [.. Enumerable.Range(0, members).Select(i => i % rooms)];

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
