using CopLive.Grains.Errors;
using NodaTime;

namespace CopLive.Silo.Domain;

/// <summary>
/// Validation of request fields inside grains, where every right and rule is decided. Each failure names the
/// field in the client's spelling and says what would be accepted.
/// </summary>
internal static class Require
{
    /// <summary>A trimmed, non-empty text of at most <paramref name="maxLength"/> characters.</summary>
    public static string Text(string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw CopLiveException.Invalid(field, $"'{field}' is required and must not be blank.");
        }
        return Bounded(field, trimmed, maxLength);
    }

    /// <summary>A trimmed text of at most <paramref name="maxLength"/> characters, or null when absent or blank.</summary>
    public static string? OptionalText(string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : Bounded(field, trimmed, maxLength);
    }

    /// <summary>
    /// A trimmed text of at most <paramref name="maxLength"/> characters that may span lines (a prompt, a note), or
    /// null when absent or blank.
    /// </summary>
    public static string? OptionalMultilineText(string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim().ReplaceLineEndings("\n");
        return string.IsNullOrEmpty(trimmed) ? null : Bounded(field, trimmed, maxLength, multiline: true);
    }

    /// <summary>A known IANA time zone id, returned in its canonical spelling.</summary>
    public static DateTimeZone TimeZone(string field, string? id)
    {
        var zone = string.IsNullOrWhiteSpace(id) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim());
        return zone ?? throw CopLiveException.Invalid(
            field, $"'{field}' must be an IANA time zone id such as 'America/Chicago'; {CopLiveException.Quote(id)} is not one.");
    }

    /// <summary>An integer within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static int InRange(string field, int value, int min, int max) =>
        value >= min && value <= max
            ? value
            : throw CopLiveException.Invalid(field, $"'{field}' must be between {min} and {max}; it was {value}.");

    /// <summary>The value within <paramref name="maxLength"/>, with no control characters (but line breaks and tabs when <paramref name="multiline"/>).</summary>
    private static string Bounded(string field, string value, int maxLength, bool multiline = false)
    {
        if (value.Length > maxLength)
        {
            throw CopLiveException.Invalid(field, $"'{field}' must be at most {maxLength} characters; it has {value.Length}.");
        }
        if (value.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\t')))
        {
            throw CopLiveException.Invalid(field, multiline
                ? $"'{field}' must not contain control characters other than line breaks and tabs."
                : $"'{field}' must not contain control characters.");
        }
        return value;
    }
}
