using System.Text;
using CopLive.Grains.Communities;

namespace CopLive.Silo.Access;

/// <summary>
/// The rights table of docs/security.md, written from <see cref="AccessRules"/> so that the documentation cannot
/// drift from what the grains decide.
/// </summary>
public static class AccessTable
{
    /// <summary>Where the table starts in docs/security.md.</summary>
    public const string Begin = "<!-- rights table: written from Silo/Access/AccessRules.cs; a test checks it -->";

    /// <summary>Where it ends.</summary>
    public const string End = "<!-- end of rights table -->";

    private static readonly CommunityRole[] Roles = [CommunityRole.Owner, CommunityRole.Facilitator, CommunityRole.Member, CommunityRole.Observer];

    /// <summary>The table in Markdown, between <see cref="Begin"/> and <see cref="End"/>.</summary>
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine(Begin);
        text.AppendLine("| right | calls | administrator | owner | facilitator | member | observer | anyone else | limits |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var rule in AccessRules.All)
        {
            var cells = new List<string>
            {
                Words(rule.Right),
                string.Join(", ", rule.Calls.Select(c => $"`{c}`")),
                rule.Administrator ? "✓" : "–",
            };
            cells.AddRange(Roles.Select(role => rule.Allows(role) ? "✓" : "–"));
            cells.Add("–");
            cells.Add(rule.Limit ?? "");
            text.AppendLine($"| {string.Join(" | ", cells)} |");
        }
        text.Append(End);
        return text.ToString();
    }

    /// <summary>A right's name in words: <c>LookIntoRooms</c> → "look into rooms".</summary>
    public static string Words(Right right)
    {
        var name = right.ToString();
        var words = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }
            words.Append(words.Length == 0 ? c : char.ToLowerInvariant(c));
        }
        return words.ToString();
    }
}
