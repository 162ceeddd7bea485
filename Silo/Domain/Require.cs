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
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        if (trimmed.Length > maxLength)
        {
            throw CopLiveException.Invalid(field, $"'{field}' must be at most {maxLength} characters; it has {trimmed.Length}.");
        }
        if (trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\t')))
        {
            throw CopLiveException.Invalid(field, $"'{field}' must not contain control characters other than line breaks and tabs.");
        }
        return trimmed;
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

    private static string Bounded(string field, string value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            throw CopLiveException.Invalid(field, $"'{field}' must be at most {maxLength} characters; it has {value.Length}.");
        }
        if (value.Any(char.IsControl))
        {
            throw CopLiveException.Invalid(field, $"'{field}' must not contain control characters.");
        }
        return value;
    }
}
