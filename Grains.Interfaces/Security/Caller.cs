using CopLive.Grains.Ids;

namespace CopLive.Grains.Security;

/// <summary>
/// The authenticated identity behind a call. The gateway builds it from a verified credential and passes it
/// explicitly; grains decide every right from it (default deny) and trust nothing else a client says.
/// </summary>
/// <param name="Kind">Whether this is a member or the administrator.</param>
/// <param name="Member">The member's id; <c>default</c> for the administrator.</param>
[GenerateSerializer, Immutable, Alias("coplive.Caller")]
public sealed record Caller([property: Id(0)] CallerKind Kind, [property: Id(1)] MemberId Member)
{
    /// <summary>True for the administrator.</summary>
    public bool IsAdmin => Kind == CallerKind.Admin;

    /// <summary>The administrator.</summary>
    public static Caller Admin { get; } = new(CallerKind.Admin, default);

    /// <summary>A member.</summary>
    public static Caller ForMember(MemberId member) => new(CallerKind.Member, member);

    /// <inheritdoc />
    public override string ToString() => IsAdmin ? "admin" : $"member {Member}";
}
