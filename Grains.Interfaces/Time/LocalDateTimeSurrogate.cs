using NodaTime;

namespace CopLive.Grains.Time;

/// <summary>Wire form of an ISO-calendar <see cref="LocalDateTime"/> in grain calls (a wall-clock time with no zone).</summary>
[GenerateSerializer, Immutable, Alias("coplive.LocalDateTime")]
public readonly struct LocalDateTimeSurrogate
{
    /// <summary>The ISO year.</summary>
    [Id(0)] public readonly int Year;

    /// <summary>The month, 1..12.</summary>
    [Id(1)] public readonly int Month;

    /// <summary>The day of the month.</summary>
    [Id(2)] public readonly int Day;

    /// <summary>Nanoseconds since midnight.</summary>
    [Id(3)] public readonly long NanosecondOfDay;

    /// <summary>Creates the wire form from its parts.</summary>
    public LocalDateTimeSurrogate(int year, int month, int day, long nanosecondOfDay)
    {
        Year = year;
        Month = month;
        Day = day;
        NanosecondOfDay = nanosecondOfDay;
    }
}

/// <summary>Converts <see cref="LocalDateTime"/> to and from <see cref="LocalDateTimeSurrogate"/>.</summary>
[RegisterConverter]
public sealed class LocalDateTimeSurrogateConverter : IConverter<LocalDateTime, LocalDateTimeSurrogate>
{
    /// <inheritdoc />
    public LocalDateTime ConvertFromSurrogate(in LocalDateTimeSurrogate surrogate) =>
        new LocalDate(surrogate.Year, surrogate.Month, surrogate.Day)
            .At(LocalTime.FromNanosecondsSinceMidnight(surrogate.NanosecondOfDay));

    /// <inheritdoc />
    public LocalDateTimeSurrogate ConvertToSurrogate(in LocalDateTime value) =>
        new(value.Year, value.Month, value.Day, value.NanosecondOfDay);
}
