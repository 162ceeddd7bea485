using System.Collections.Immutable;
using CopLive.Collab.Text;
using CopLive.Grains.Documents;
using CopLive.Grains.Sessions;

namespace CopLive.Silo.Domain.Sessions;

/// <summary>
/// What a breakout phase's rooms start their notes with (the phase, its prompt and speaking rule, so each room
/// has the task in front of it), and the notes without it again when they come back to the plan.
/// </summary>
public static class PhaseNotes
{
    /// <summary>The opening text of each room's notes in <paramref name="phase"/>; empty when it has neither prompt nor rule.</summary>
    public static string Seed(AgendaItem phase)
    {
        if (phase.Prompt is null && phase.SpeakingRule is null)
        {
            return "";
        }
        var seed = $"{phase.Title}\n";
        if (phase.Prompt is { } prompt)
        {
            seed += $"Prompt: {prompt}\n";
        }
        if (phase.SpeakingRule is { } rule)
        {
            seed += $"Speaking rule: {rule}\n";
        }
        return seed + "\n";
    }

    /// <summary>
    /// The notes as the room wrote them: without <paramref name="seed"/> when they still begin with it untouched,
    /// each remaining character keeping its author.
    /// </summary>
    public static AuthoredText Written(AuthoredText notes, string seed)
    {
        if (seed.Length == 0 || !notes.Text.StartsWith(seed, StringComparison.Ordinal))
        {
            return notes;
        }
        return notes with { Text = notes.Text[seed.Length..], Authors = Skip(notes.Authors, CodePoints.Count(seed)) };
    }

    /// <summary>The author spans of the text after its first <paramref name="count"/> code points.</summary>
    private static ImmutableArray<AuthorSpan> Skip(ImmutableArray<AuthorSpan> spans, int count)
    {
        var rest = ImmutableArray.CreateBuilder<AuthorSpan>();
        foreach (var span in spans)
        {
            if (count >= span.Length)
            {
                count -= span.Length;
                continue;
            }
            rest.Add(span with { Length = span.Length - count });
            count = 0;
        }
        return rest.ToImmutable();
    }
}
