using System.Collections.Immutable;
using CopLive.Collab.Text;
using CopLive.Grains.Documents;
using CopLive.Grains.Ids;

namespace CopLive.Silo.Domain;

/// <summary>A breakout room's notes as a section of the lesson plan: a heading naming the room and its authors, then the notes with their authorship.</summary>
public static class NotesSection
{
    public static (string Text, ImmutableArray<AuthorSpan> Authors) Build(string room, AuthoredText notes, IReadOnlyDictionary<MemberId, string> names)
    {
        var writers = notes.Authors
            .Where(a => a.Author != default)
            .Select(a => a.Author)
            .Distinct()
            .Select(a => names.GetValueOrDefault(a) ?? "a member")
            .ToList();
        var heading = $"\n## {room}: notes by {(writers.Count > 0 ? string.Join(", ", writers) : "the room")}\n\n";
        var ending = notes.Text.EndsWith('\n') ? "" : "\n";

        // The heading and the closing line break are the system's; every character of the notes keeps its author.
        var authors = ImmutableArray.CreateBuilder<AuthorSpan>();
        authors.Add(new AuthorSpan(default, CodePoints.Count(heading)));
        authors.AddRange(notes.Authors);
        if (ending.Length > 0)
        {
            authors.Add(new AuthorSpan(default, 1));
        }
        return (heading + notes.Text + ending, authors.ToImmutable());
    }
}
