using CopLive.Grains.Communities;
using CopLive.Grains.Errors;
using NodaTime;

namespace CopLive.Silo.Grains.Communities;

/// <summary>
/// A community's invite codes, as hashes: one active code per role at a time, each admitting people until it expires
/// or is revoked.
/// </summary>
internal sealed class InviteBook(List<InviteEntry> invites)
{
    /// <summary>How long an invite code admits people; rotating a role's code gives it a fresh one.</summary>
    public static readonly Duration Lifetime = Duration.FromDays(90);

    /// <summary>The roles an invite can grant.</summary>
    public static readonly CommunityRole[] Roles = [CommunityRole.Owner, CommunityRole.Facilitator, CommunityRole.Member, CommunityRole.Observer];

    /// <summary>The invite behind <paramref name="hash"/> if it admits people now; refuses in words a teacher can act on.</summary>
    public InviteEntry Admitting(string hash, Instant now)
    {
        var invite = invites.Find(i => i.Hash == hash)
            ?? throw CopLiveException.Invalid("inviteCode", "This invite code is not valid. Check it, or ask your facilitator for a new one.");
        if (invite.RevokedAt is not null)
        {
            throw CopLiveException.Invalid("inviteCode", "This invite code has been revoked. Ask your facilitator for a new one.");
        }
        return invite.ExpiresAt <= now
            ? throw CopLiveException.Invalid("inviteCode", "This invite code has expired. Ask your facilitator for a new one.")
            : invite;
    }

    /// <summary>Records a newly issued code of <paramref name="role"/>.</summary>
    public void Add(CommunityRole role, string hash, Instant now) =>
        invites.Add(new InviteEntry { Role = role, Hash = hash, CreatedAt = now, ExpiresAt = now + Lifetime });

    /// <summary>Revokes the active codes of <paramref name="role"/>; returns their hashes (empty when there were none).</summary>
    public IReadOnlySet<string> RevokeActive(CommunityRole role, Instant now)
    {
        var active = invites.Where(i => i.Role == role && i.RevokedAt is null).ToList();
        foreach (var invite in active)
        {
            invite.RevokedAt = now;
        }
        return active.Select(i => i.Hash).ToHashSet();
    }

    /// <summary>Refuses a role no invite grants.</summary>
    public static void EnsureInvitedRole(CommunityRole role)
    {
        if (!Enum.IsDefined(role))
        {
            throw CopLiveException.Invalid("role", $"'role' must be one of {string.Join(", ", Roles)}.");
        }
    }
}
