namespace CopLive.Admin.Tui.ViewModels;

/// <summary>The keys of a screen, for the <c>?</c> overlay.</summary>
public static class KeyHelp
{
    /// <summary>Lines of <c>key  what it does</c>.</summary>
    public static IReadOnlyList<string> For(Screen screen)
    {
        var lines = new List<(string Key, string What)>();
        switch (screen)
        {
            case Screen.Communities:
                lines.Add(("Enter", "the community's sessions"));
                break;
            case Screen.Sessions:
                lines.Add(("Enter", "the session's rooms"));
                break;
            case Screen.Rooms:
                lines.Add(("Enter", "the room's notes, live"));
                lines.Add(("Tab", "the session's members"));
                break;
            case Screen.Members:
                lines.Add(("Tab", "the session's rooms"));
                break;
            case Screen.Help:
                lines.Add(("Enter", "the room's notes, live"));
                break;
            case Screen.Audit:
                lines.Add(("F5", "load the newest entries"));
                break;
        }
        lines.AddRange(ActionCatalog.For(screen).Select(k => (k.Key.ToString(), k.Description)));
        lines.Add(("↑ ↓ PgUp PgDn", "move in the table"));
        lines.Add(("/", "filter this table (Esc clears)"));
        lines.Add((":", $"jump to a screen: {string.Join(", ", Navigator.JumpNames)}"));
        lines.Add(("Esc", "back"));
        lines.Add(("?", "these keys"));
        lines.Add(("q", "quit"));
        var width = lines.Max(l => l.Key.Length);
        return [.. lines.Select(l => $"{l.Key.PadRight(width)}   {l.What}")];
    }
}
