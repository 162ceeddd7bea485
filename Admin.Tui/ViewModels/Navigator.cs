namespace CopLive.Admin.Tui.ViewModels;

/// <summary>The console's history: Enter drills down (push), Esc goes back (pop), <c>:</c> jumps to a top screen.</summary>
public sealed class Navigator
{
    private static readonly Screen[] TopScreens = [Screen.Pulse, Screen.Communities, Screen.Sessions, Screen.Help, Screen.Audit];
    private readonly Stack<Route> _back = new();

    /// <summary>Starts on <paramref name="start"/>.</summary>
    public Navigator(Route start) => Current = start;

    /// <summary>The screen shown now.</summary>
    public Route Current { get; private set; }

    /// <summary>The way here, oldest first, for the breadcrumb.</summary>
    public IReadOnlyList<Route> Trail => [.. _back.Reverse(), Current];

    /// <summary>Names <c>:</c> accepts.</summary>
    public static IReadOnlyList<string> JumpNames { get; } = [.. TopScreens.Select(s => s.ToString().ToLowerInvariant())];

    /// <summary>Shows <paramref name="route"/>, remembering where we were.</summary>
    public void Push(Route route)
    {
        _back.Push(Current);
        Current = route;
    }

    /// <summary>Swaps the current screen for a sibling (Rooms ⇄ Members) without growing the history.</summary>
    public void Replace(Route route) => Current = route;

    /// <summary>Goes back one screen; false at the first screen.</summary>
    public bool Back()
    {
        if (_back.Count == 0)
        {
            return false;
        }
        Current = _back.Pop();
        return true;
    }

    /// <summary>
    /// Jumps to the top screen whose name starts with <paramref name="name"/> (case-insensitive); the history
    /// restarts there. Returns an error message, or null when it jumped.
    /// </summary>
    public string? Jump(string name)
    {
        var wanted = name.Trim();
        var matches = wanted.Length == 0
            ? []
            : TopScreens.Where(s => s.ToString().StartsWith(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count != 1)
        {
            return matches.Count == 0
                ? $"No screen called '{wanted}'. Screens: {string.Join(", ", JumpNames)}."
                : $"'{wanted}' could be {string.Join(" or ", matches.Select(m => m.ToString().ToLowerInvariant()))}.";
        }
        _back.Clear();
        Current = new Route(matches[0]);
        return null;
    }
}
