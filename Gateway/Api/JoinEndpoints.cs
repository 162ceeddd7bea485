using CopLive.Gateway.Api.Contracts;
using CopLive.Gateway.Auth;
using CopLive.Grains.Communities;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Invites;
using Microsoft.AspNetCore.Authentication;

namespace CopLive.Gateway.Api;

/// <summary><c>POST /api/join</c>: trade an invite code for membership and a member token.</summary>
internal static class JoinEndpoints
{
    public static RouteGroupBuilder MapJoinEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/join", JoinAsync).AllowAnonymous();
        api.MapGet("/invites/{code}", PreviewAsync).AllowAnonymous();
        return api;
    }

    /// <summary>The join page names the community and the role before the teacher types anything.</summary>
    private static async Task<IResult> PreviewAsync(string code, IGrainFactory grains)
    {
        var (community, parsed) = await ResolveAsync(grains, code);
        var preview = await grains.GetCommunity(community).PreviewInviteAsync(parsed.Hash);
        return Results.Ok(new InvitePreviewResponse(preview.CommunityName, preview.Role));
    }

    private static async Task<(CommunityId Community, InviteCode Code)> ResolveAsync(IGrainFactory grains, string? text)
    {
        if (!InviteCode.TryParse(text, out var code)
            || await grains.GetInvite(code).ResolveAsync() is not { } community)
        {
            throw CopLiveException.Invalid("inviteCode", "This invite code is not valid. Check it, or ask your facilitator for a new one.");
        }
        return (community, code);
    }

    private static async Task<IResult> JoinAsync(HttpContext context, IGrainFactory grains, MemberTokens tokens)
    {
        var body = await JsonBody.ReadAsync<JoinBody>(context.Request);
        if (await JoiningMemberAsync(context) is not { } member)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized",
                detail: "The member token is not valid (expired, or not issued by this server). Join without it to become a new member.");
        }

        var (community, code) = await ResolveAsync(grains, body.InviteCode);

        var joined = await grains.GetCommunity(community).JoinAsync(
            new JoinRequest(code.Hash, member, body.DisplayName ?? "", body.TimeZone));

        var profile = joined.Profile;
        return Results.Ok(new JoinResponse(
            profile.Id.Value, joined.Community.Value, joined.Role, tokens.Issue(profile.Id, profile.DisplayName),
            profile.DisplayName, profile.TimeZone));
    }

    /// <summary>
    /// A person who already holds a member token joins as that same member (one person, many communities).
    /// A token that is presented but not valid is refused rather than silently creating a second identity.
    /// </summary>
    private static async Task<MemberId?> JoiningMemberAsync(HttpContext context)
    {
        if (BearerToken.From(context.Request) is null)
        {
            return MemberId.New();
        }
        var result = await context.AuthenticateAsync();
        var caller = result.Succeeded ? result.Principal.ToCaller() : null;
        return caller is null || caller.IsAdmin ? null : caller.Member;
    }
}
