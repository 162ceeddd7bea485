using CopLive.Grains.Communities;
using CopLive.Grains.Errors;

namespace CopLive.Silo.Access;

/// <summary>Who holds a <see cref="Right"/>, and what a refusal says.</summary>
/// <param name="Right">The right.</param>
/// <param name="Least">The least role that holds it; null when no member does (only the administrator).</param>
/// <param name="Administrator">Whether the administrator holds it (it has no member identity, so never where one is needed).</param>
/// <param name="Audited">Whether a refusal goes to the community's audit log (privileged calls).</param>
/// <param name="Calls">The hub methods and REST endpoints that need it (<c>SubmitOp</c>, <c>POST /api/…</c>), for the rights table.</param>
/// <param name="Refusal">What a member below <paramref name="Least"/> is told.</param>
/// <param name="AdministratorRefusal">What the administrator is told, when it does not hold the right.</param>
/// <param name="Limit">A further condition the grain checks, in words for the rights table.</param>
public sealed record AccessRule(
    Right Right,
    CommunityRole? Least,
    bool Administrator,
    bool Audited,
    IReadOnlyList<string> Calls,
    string Refusal,
    string AdministratorRefusal = "This needs a member's identity; the admin key cannot do it.",
    string? Limit = null)
{
    /// <summary>Whether a member of <paramref name="role"/> holds the right.</summary>
    public bool Allows(CommunityRole role) => Least is { } least && role >= least;

    /// <summary>The refusal a member without the right gets.</summary>
    public CopLiveException Refuse() => CopLiveException.Forbidden(Refusal);
}
