using NodaTime;

namespace CopLive.Grains.Time;

/// <summary>
/// Wire form of a NodaTime <see cref="Instant"/> in grain calls. Orleans has no codec for NodaTime types,
/// so an instant travels as whole Unix seconds plus the nanoseconds within that second (always 0..999,999,999).
/// </summary>
[GenerateSerializer, Immutable, Alias("coplive.Instant")]
public readonly struct InstantSurrogate
{
    /// <summary>Whole seconds since the Unix epoch, rounded towards the start of time.</summary>
    [Id(0)] public readonly long UnixSeconds;

    /// <summary>Nanoseconds past <see cref="UnixSeconds"/>.</summary>
    [Id(1)] public readonly int Nanoseconds;

    /// <summary>Creates the wire form from its two parts.</summary>
    public InstantSurrogate(long unixSeconds, int nanoseconds)
    {
        UnixSeconds = unixSeconds;
        Nanoseconds = nanoseconds;
    }
}

/// <summary>Converts <see cref="Instant"/> to and from <see cref="InstantSurrogate"/>.</summary>
[RegisterConverter]
public sealed class InstantSurrogateConverter : IConverter<Instant, InstantSurrogate>
{
    /// <inheritdoc />
    public Instant ConvertFromSurrogate(in InstantSurrogate surrogate) =>
        Instant.FromUnixTimeSeconds(surrogate.UnixSeconds).PlusNanoseconds(surrogate.Nanoseconds);

    /// <inheritdoc />
    public InstantSurrogate ConvertToSurrogate(in Instant value)
    {
        var seconds = value.ToUnixTimeSeconds();
        var nanoseconds = (value - Instant.FromUnixTimeSeconds(seconds)).SubsecondNanoseconds;
        return new InstantSurrogate(seconds, nanoseconds);
    }
}
