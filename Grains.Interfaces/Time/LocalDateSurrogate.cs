using NodaTime;

namespace CopLive.Grains.Time;

/// <summary>Wire form of an ISO-calendar <see cref="LocalDate"/> in grain calls (a date with no zone).</summary>
[GenerateSerializer, Immutable, Alias("coplive.LocalDate")]
public readonly struct LocalDateSurrogate
{
    /// <summary>The ISO year.</summary>
    [Id(0)] public readonly int Year;

    /// <summary>The month, 1..12.</summary>
    [Id(1)] public readonly int Month;

    /// <summary>The day of the month.</summary>
    [Id(2)] public readonly int Day;

    /// <summary>Creates the wire form from its parts.</summary>
    public LocalDateSurrogate(int year, int month, int day)
    {
        Year = year;
        Month = month;
        Day = day;
    }
}

/// <summary>Converts <see cref="LocalDate"/> to and from <see cref="LocalDateSurrogate"/>.</summary>
[RegisterConverter]
public sealed class LocalDateSurrogateConverter : IConverter<LocalDate, LocalDateSurrogate>
{
    /// <inheritdoc />
    public LocalDate ConvertFromSurrogate(in LocalDateSurrogate surrogate) => new(surrogate.Year, surrogate.Month, surrogate.Day);

    /// <inheritdoc />
    public LocalDateSurrogate ConvertToSurrogate(in LocalDate value) => new(value.Year, value.Month, value.Day);
}
