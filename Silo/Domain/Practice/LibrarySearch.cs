using System.Collections.Immutable;
using System.Globalization;
using CopLive.Grains.Errors;
using CopLive.Grains.Practice;
using NodaTime;

namespace CopLive.Silo.Domain.Practice;

/// <summary>How a community's library is searched and tagged: pure rules, no Orleans.</summary>
internal static class LibrarySearch
{
    /// <summary>Most tags on one document.</summary>
    public const int MaxTags = 10;

    /// <summary>Longest tag.</summary>
    public const int TagLength = 40;

    /// <summary>Longest text query.</summary>
    public const int QueryLength = 200;

    private const int SnippetRadius = 60;

    /// <summary>The query checked: a text of at most <see cref="QueryLength"/> characters, a tag as tags are kept, dates in order.</summary>
    public static LibraryQuery Validate(LibraryQuery query)
    {
        var text = Require.OptionalText("q", query.Text, QueryLength);
        var tag = query.Tag is null ? null : Tag("tag", query.Tag);
        if (query is { From: { } from, To: { } to } && from > to)
        {
            throw CopLiveException.Invalid("from", "'from' must not be after 'to'.");
        }
        return query with { Text = text, Tag = tag };
    }

    /// <summary>Tags as they are kept: trimmed, lower case, no repeats, at most <see cref="MaxTags"/> of <see cref="TagLength"/> characters.</summary>
    public static ImmutableArray<string> Tags(ImmutableArray<string> tags)
    {
        var kept = (tags.IsDefault ? [] : tags).Select((t, i) => Tag($"tags[{i}]", t)).Distinct().ToImmutableArray();
        return kept.Length <= MaxTags ? kept : throw CopLiveException.Invalid("tags", $"A document has at most {MaxTags} tags; {kept.Length} were given.");
    }

    /// <summary>Whether <paramref name="at"/> falls on the query's days, in <paramref name="zone"/>.</summary>
    public static bool InDates(LibraryQuery query, Instant? at, DateTimeZone zone)
    {
        if (query.From is null && query.To is null)
        {
            return true;
        }
        if (at is not { } instant)
        {
            return false;
        }
        var day = instant.InZone(zone).Date;
        return (query.From is not { } from || day >= from) && (query.To is not { } to || day <= to);
    }

    /// <summary>Whether <paramref name="text"/> contains the query's words, ignoring case and accents.</summary>
    public static bool Matches(string? query, string text) => query is null || Find(query, text) is not null;

    /// <summary>The passage around the first match, on one line; null without a match.</summary>
    public static string? Snippet(string query, string text)
    {
        if (Find(query, text) is not var (at, length))
        {
            return null;
        }
        var start = Math.Max(0, at - SnippetRadius);
        var end = Math.Min(text.Length, at + length + SnippetRadius);
        // Never cut a surrogate pair in half.
        if (start > 0 && char.IsLowSurrogate(text[start]))
        {
            start--;
        }
        if (end < text.Length && char.IsLowSurrogate(text[end]))
        {
            end++;
        }
        var passage = text[start..end].ReplaceLineEndings(" ").Trim();
        return (start > 0 ? "…" : "") + passage + (end < text.Length ? "…" : "");
    }

    /// <summary>
    /// Where <paramref name="query"/> first occurs in <paramref name="text"/> (start and length in the text), comparing
    /// both folded: lower case, accents taken off. The process runs with invariant globalization, where culture-aware
    /// comparison cannot ignore accents, so the folding is done here. Folding maps each character to one, so
    /// positions in the folded text are positions in the text.
    /// </summary>
    private static (int At, int Length)? Find(string query, string text)
    {
        var needle = Fold(query);
        var at = needle.Length == 0 ? -1 : Fold(text).IndexOf(needle, StringComparison.Ordinal);
        return at < 0 ? null : (at, needle.Length);
    }

    /// <summary>The text in lower case with the accents of Latin letters taken off, character for character.</summary>
    private static string Fold(string text) => string.Create(text.Length, text, static (folded, text) =>
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var accented = c < '\u00C0' ? -1 : Accented.IndexOf(c);
            folded[i] = char.ToLowerInvariant(accented >= 0 ? Bare[accented] : c);
        }
    });

    // Latin letters with accents and the letters under them (Latin-1 and Latin Extended-A), written out because
    // Unicode normalization is not available under invariant globalization.
    private const string Accented = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžØøĐđĦħŁłıŦŧ";
    private const string Bare = "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoDdHhLliTt";

    private static string Tag(string field, string? tag) =>
        Require.Text(field, tag, TagLength).ToLowerInvariant();
}
