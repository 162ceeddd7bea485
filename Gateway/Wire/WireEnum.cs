using System.Collections.Frozen;

namespace CopLive.Gateway.Wire;

/// <summary>
/// Maps a grain enum to the wire enum of the same meaning by member name. The two are kept apart on purpose (the
/// grains' values are Orleans-serialized and stored; the wire's are the clients' contract), and a value without a
/// wire twin fails the type's first use rather than sending something a client cannot read.
/// </summary>
internal static class WireEnum<TFrom, TTo>
    where TFrom : struct, Enum
    where TTo : struct, Enum
{
    private static readonly FrozenDictionary<TFrom, TTo> Map = Enum.GetValues<TFrom>().ToFrozenDictionary(
        v => v,
        v => Enum.TryParse<TTo>(v.ToString(), ignoreCase: false, out var wire)
            ? wire
            : throw new InvalidOperationException($"{typeof(TFrom).Name}.{v} has no twin in {typeof(TTo).FullName}."));

    /// <summary>The wire twin of <paramref name="value"/>.</summary>
    public static TTo Convert(TFrom value) => Map[value];
}
