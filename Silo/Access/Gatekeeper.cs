using CopLive.Grains.Communities;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using CopLive.Silo.Grains;

namespace CopLive.Silo.Access;

/// <summary>
/// A grain's rights checks: it asks <see cref="AccessRules"/> whether the caller holds a right, given the caller's
/// membership in the grain's community, and refuses with the rule's words. Every refusal of a privileged call is
/// recorded here, and only here, through the grain's <see cref="IRefusalLog"/>. Default deny: no membership, no right.
/// </summary>
internal sealed class Gatekeeper(Func<MemberId, Task<CommunityMember?>> membership, IRefusalLog refusals)
{
    /// <summary>What anyone who is not a member of the community is told.</summary>
    public const string NotAMember = "You are not a member of this community.";

    /// <summary>
    /// Returns the caller's membership (null for the administrator) if they hold <paramref name="right"/>; refuses
    /// otherwise, recording the refusal of an audited right as <paramref name="attempt"/>.
    /// </summary>
    public async Task<CommunityMember?> RequireAsync(Caller caller, Right right, Attempt? attempt = null)
    {
        var rule = AccessRules.For(right);
        if (caller.IsAdmin)
        {
            return rule.Administrator ? null : throw await RefuseAsync(caller, rule, attempt, rule.AdministratorRefusal);
        }
        var member = await membership(caller.Member);
        return member is not null && rule.Allows(member.Role)
            ? member
            : throw await RefuseAsync(caller, rule, attempt, member is null ? NotAMember : rule.Refusal);
    }

    /// <summary>As <see cref="RequireAsync"/>, for rights only members hold: the membership is never null.</summary>
    public async Task<CommunityMember> RequireMemberAsync(Caller caller, Right right, Attempt? attempt = null)
    {
        if (AccessRules.For(right).Administrator)
        {
            throw new InvalidOperationException($"{right} is held by the administrator too, who has no membership.");
        }
        return (await RequireAsync(caller, right, attempt))!;
    }

    /// <summary>The rights checks of a grain of <paramref name="community"/>: it asks the community, and refusals go to its audit log.</summary>
    public static Gatekeeper OfCommunity(IGrainFactory grains, Func<CommunityId> community) =>
        new(m => grains.GetCommunityInternal(community()).GetMemberAsync(m), new CommunityRefusalLog(grains, community));

    /// <summary>
    /// Refuses a member already looked up who lacks <paramref name="right"/>, asking nobody: a check that runs on the
    /// grain's turn without an await. Only for rights whose refusal is not audited.
    /// </summary>
    public static void Require(CommunityMember member, Right right)
    {
        var rule = AccessRules.For(right);
        if (rule.Audited)
        {
            throw new InvalidOperationException($"A refusal of {right} is audited; check it with RequireAsync.");
        }
        if (!rule.Allows(member.Role))
        {
            throw rule.Refuse();
        }
    }

    /// <summary>Whether the caller holds <paramref name="right"/>, without refusing or recording anything.</summary>
    public async Task<bool> HoldsAsync(Caller caller, Right right)
    {
        var rule = AccessRules.For(right);
        return caller.IsAdmin ? rule.Administrator : await membership(caller.Member) is { } member && rule.Allows(member.Role);
    }

    /// <summary>
    /// Refuses a caller who holds the right but not in this case (a limit of the rule, such as acting only on members
    /// below one's own role), recorded as any refusal.
    /// </summary>
    public async Task<CopLiveException> RefuseAsync(Caller caller, Attempt attempt, string message)
    {
        await refusals.RefusedAsync(caller, attempt);
        return CopLiveException.Forbidden(message);
    }

    private async Task<CopLiveException> RefuseAsync(Caller caller, AccessRule rule, Attempt? attempt, string message)
    {
        if (rule.Audited)
        {
            await refusals.RefusedAsync(caller, attempt ?? throw new InvalidOperationException($"A refusal of {rule.Right} must name what was attempted."));
        }
        return CopLiveException.Forbidden(message);
    }
}
