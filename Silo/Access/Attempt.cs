using CopLive.Grains.Ids;

namespace CopLive.Silo.Access;

/// <summary>What a privileged call tried to do, as its audit entry names it if it is refused.</summary>
/// <param name="Action">One of <see cref="CopLive.Grains.Communities.AuditActions"/>.</param>
/// <param name="Target">The member it concerned, if any.</param>
/// <param name="Detail">What it concerned, e.g. the session's title.</param>
public sealed record Attempt(string Action, MemberId? Target = null, string? Detail = null);
