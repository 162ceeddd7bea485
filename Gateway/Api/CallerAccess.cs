using CopLive.Gateway.Auth;
using CopLive.Grains.Errors;
using CopLive.Grains.Security;

namespace CopLive.Gateway.Api;

/// <summary>The authenticated caller of a request, as grains should see it.</summary>
internal static class CallerAccess
{
    /// <summary>The caller; endpoints using this require authentication, so a missing one is a bug, not a user error.</summary>
    public static Caller Caller(this HttpContext context) =>
        context.User.ToCaller() ?? throw new InvalidOperationException("An authenticated endpoint ran without a caller.");

    /// <summary>The calling member; the administrator has no member profile.</summary>
    public static Caller Member(this HttpContext context)
    {
        var caller = context.Caller();
        return caller.IsAdmin
            ? throw CopLiveException.Forbidden("This endpoint is for members; the admin key is not a member token.")
            : caller;
    }
}
