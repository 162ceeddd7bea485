using CopLive.Grains.Errors;
using NodaTime;
using NodaTime.Text;

namespace CopLive.Gateway.Api;

/// <summary>How the API writes and reads wall-clock times.</summary>
internal static class TimeText
{
    private static readonly LocalDateTimePattern Minutes = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
    private static readonly LocalDateTimePattern Seconds = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss");
    private static readonly OffsetDateTimePattern WithOffset = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<m>");

    /// <summary>Wall-clock time as <c>2026-12-01T16:00</c>.</summary>
    public static string Local(LocalDateTime value) => Minutes.Format(value);

    /// <summary>An instant as seen in <paramref name="zoneId"/>, with its offset: <c>2026-12-01T17:00-05:00</c>.</summary>
    public static string InZone(Instant instant, string zoneId) =>
        WithOffset.Format(instant.InZone(DateTimeZoneProviders.Tzdb[zoneId]).ToOffsetDateTime());

    /// <summary>Reads the wall-clock time in <paramref name="field"/>; refuses anything else naming the field.</summary>
    public static LocalDateTime ParseLocal(string field, string? text) => TryParseLocal(text, out var value)
        ? value
        : throw CopLiveException.Invalid(
            field, $"'{field}' must be a local date and time such as 2026-12-01T16:00 (no offset: the zone goes in 'timeZone'); {CopLiveException.Quote(text)} is not.");

    /// <summary>Reads a date such as <c>2026-12-01</c> in <paramref name="field"/>, or null when it is absent; refuses anything else naming the field.</summary>
    public static LocalDate? ParseOptionalDate(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var parsed = LocalDatePattern.Iso.Parse(text.Trim());
        return parsed.Success
            ? parsed.Value
            : throw CopLiveException.Invalid(field, $"'{field}' must be a date such as 2026-12-01; {CopLiveException.Quote(text)} is not.");
    }

    /// <summary>Reads a date such as <c>2026-12-01</c> in <paramref name="field"/>; refuses anything else, absence included.</summary>
    public static LocalDate ParseDate(string field, string? text) =>
        ParseOptionalDate(field, text) ?? throw CopLiveException.Invalid(field, $"'{field}' is required: a date such as 2026-12-01.");

    /// <summary>Reads <c>2026-12-01T16:00</c> (seconds optional); false for anything else, including offsets.</summary>
    public static bool TryParseLocal(string? text, out LocalDateTime value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var result = Minutes.Parse(text.Trim());
        if (!result.Success)
        {
            result = Seconds.Parse(text.Trim());
        }
        if (!result.Success)
        {
            return false;
        }
        value = result.Value;
        return true;
    }
}
