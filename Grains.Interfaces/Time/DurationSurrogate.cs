using NodaTime;

namespace CopLive.Grains.Time;

/// <summary>Wire form of a NodaTime <see cref="Duration"/> in grain calls.</summary>
[GenerateSerializer, Immutable, Alias("coplive.Duration")]
public readonly struct DurationSurrogate
{
    /// <summary>Whole days (rounded towards negative infinity).</summary>
    [Id(0)] public readonly int Days;

    /// <summary>Nanoseconds within the day, 0..(one day - 1ns).</summary>
    [Id(1)] public readonly long NanosecondOfDay;

    /// <summary>Creates the wire form from its parts.</summary>
    public DurationSurrogate(int days, long nanosecondOfDay)
    {
        Days = days;
        NanosecondOfDay = nanosecondOfDay;
    }
}

/// <summary>Converts <see cref="Duration"/> to and from <see cref="DurationSurrogate"/>.</summary>
[RegisterConverter]
public sealed class DurationSurrogateConverter : IConverter<Duration, DurationSurrogate>
{
    /// <inheritdoc />
    public Duration ConvertFromSurrogate(in DurationSurrogate surrogate) =>
        Duration.FromDays(surrogate.Days) + Duration.FromNanoseconds(surrogate.NanosecondOfDay);

    /// <inheritdoc />
    public DurationSurrogate ConvertToSurrogate(in Duration value) => new(value.Days, value.NanosecondOfDay);
}
