using CopLive.Grains.Ids;

namespace CopLive.Grains.Invites;

/// <summary>
/// Directory entry that finds the community of an invite code, keyed by the code's hash. The community
/// remains the authority on whether the code is still valid (it may have been revoked).
/// </summary>
[Alias("coplive.IInviteGrain")]
public interface IInviteGrain : IGrainWithStringKey
{
    /// <summary>The community this code was issued by, or null for an unknown code.</summary>
    [Alias("Resolve")]
    Task<CommunityId?> ResolveAsync();
}
