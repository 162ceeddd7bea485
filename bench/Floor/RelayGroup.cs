using System.Collections.Immutable;

namespace CopLive.Bench.Floor;

/// <summary>
/// The connections of one group. The array is replaced as a whole when one joins or leaves, so a relay reads it
/// without a lock (a reference is written atomically).
/// </summary>
internal sealed class RelayGroup
{
    public ImmutableArray<RelayMember> Members { get; set; } = [];
}
