using System.Security.Claims;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;

namespace CopLive.Gateway.Auth;

/// <summary>Claims CopLive puts in principals, and the translation of a principal into a grain <see cref="Caller"/>.</summary>
public static class CopLiveClaims
{
    /// <summary>Subject claim of member tokens: the member id.</summary>
    public const string Subject = "sub";

    /// <summary>Display name claim of member tokens.</summary>
    public const string Name = "name";

    /// <summary>Marks the administrator's principal.</summary>
    public const string Admin = "coplive:admin";

    /// <summary>The caller a grain should see, or null for an anonymous principal.</summary>
    public static Caller? ToCaller(this ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        if (principal.HasClaim(c => c.Type == Admin))
        {
            return Caller.Admin;
        }
        return Guid.TryParse(principal.FindFirstValue(Subject), out var member)
            ? Caller.ForMember(new MemberId(member))
            : null;
    }
}
