using CopLive.Grains.Time;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Orleans.Serialization;

namespace CopLive.Silo.Tests.Serialization;

/// <summary>NodaTime values cross grain calls through our surrogates without losing a nanosecond.</summary>
public sealed class NodaTimeSurrogateTests
{
    private readonly Serializer _serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(InstantSurrogate).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    public static TheoryData<Instant> Instants => new()
    {
        Instant.FromUtc(2026, 12, 1, 22, 0),
        Instant.FromUtc(2026, 12, 1, 22, 0).PlusNanoseconds(123_456_789),
        Instant.FromUtc(1969, 7, 20, 20, 17, 40).PlusNanoseconds(1),
        Instant.FromUnixTimeTicks(-1),
        Instant.MinValue,
        Instant.MaxValue,
    };

    [Theory]
    [MemberData(nameof(Instants))]
    public void Instant_RoundTrips(Instant value) => Assert.Equal(value, RoundTrip(value));

    [Theory]
    [InlineData(2026, 12, 1, 16, 0, 0, 0)]
    [InlineData(2027, 3, 14, 2, 30, 0, 0)]
    [InlineData(1, 1, 1, 0, 0, 0, 0)]
    [InlineData(9999, 12, 31, 23, 59, 59, 999)]
    public void LocalDateTime_RoundTrips(int y, int mo, int d, int h, int mi, int s, int ms)
    {
        var value = new LocalDateTime(y, mo, d, h, mi, s, ms);

        Assert.Equal(value, RoundTrip(value));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(90L * 60 * 1_000_000_000)]
    [InlineData(-1L)]
    [InlineData(-3L * 24 * 3600 * 1_000_000_000 - 7)]
    [InlineData(long.MaxValue)]
    public void Duration_RoundTrips(long nanoseconds)
    {
        var value = Duration.FromNanoseconds(nanoseconds);

        Assert.Equal(value, RoundTrip(value));
    }

    [Theory]
    [InlineData(2027, 1, 5)]
    [InlineData(2028, 2, 29)]
    [InlineData(1, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void LocalDate_RoundTrips(int y, int mo, int d)
    {
        var value = new LocalDate(y, mo, d);

        Assert.Equal(value, RoundTrip(value));
    }

    [Theory]
    [InlineData(16, 0, 0, 0)]
    [InlineData(0, 0, 0, 0)]
    [InlineData(23, 59, 59, 999)]
    public void LocalTime_RoundTrips(int h, int mi, int s, int ms)
    {
        var value = new LocalTime(h, mi, s, ms).PlusNanoseconds(ms == 999 ? 999_999 : 0);

        Assert.Equal(value, RoundTrip(value));
    }

    private T RoundTrip<T>(T value) => _serializer.Deserialize<T>(_serializer.SerializeToArray(value))!;
}
