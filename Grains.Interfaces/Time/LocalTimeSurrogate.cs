using NodaTime;

namespace CopLive.Grains.Time;

/// <summary>Wire form of a <see cref="LocalTime"/> in grain calls (a time of day with no date or zone).</summary>
[GenerateSerializer, Immutable, Alias("coplive.LocalTime")]
public readonly struct LocalTimeSurrogate
{
    /// <summary>Nanoseconds since midnight.</summary>
    [Id(0)] public readonly long NanosecondOfDay;

    /// <summary>Creates the wire form.</summary>
    public LocalTimeSurrogate(long nanosecondOfDay) => NanosecondOfDay = nanosecondOfDay;
}

/// <summary>Converts <see cref="LocalTime"/> to and from <see cref="LocalTimeSurrogate"/>.</summary>
[RegisterConverter]
public sealed class LocalTimeSurrogateConverter : IConverter<LocalTime, LocalTimeSurrogate>
{
    /// <inheritdoc />
    public LocalTime ConvertFromSurrogate(in LocalTimeSurrogate surrogate) => LocalTime.FromNanosecondsSinceMidnight(surrogate.NanosecondOfDay);

    /// <inheritdoc />
    public LocalTimeSurrogate ConvertToSurrogate(in LocalTime value) => new(value.NanosecondOfDay);
}
