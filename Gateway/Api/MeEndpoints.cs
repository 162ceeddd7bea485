using CopLive.Gateway.Api.Contracts;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;

namespace CopLive.Gateway.Api;

/// <summary><c>/api/me</c>: the calling member's profile and their upcoming sessions in their own time zone.</summary>
internal static class MeEndpoints
{
    public static RouteGroupBuilder MapMeEndpoints(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").RequireAuthorization();
        me.MapGet("/", GetProfileAsync);
        me.MapGet("/sessions", GetSessionsAsync);
        return api;
    }

    private static async Task<IResult> GetProfileAsync(HttpContext context, IGrainFactory grains)
    {
        var profile = await grains.GetMember(context.Member().Member).GetProfileAsync(context.Member())
            ?? throw CopLiveException.NotFound("There is no such member.");
        return Results.Ok(new MeResponse(profile.Id.Value, profile.DisplayName, profile.TimeZone, [.. profile.Communities.Select(c => c.Value)]));
    }

    private static async Task<IResult> GetSessionsAsync(HttpContext context, IGrainFactory grains)
    {
        var caller = context.Member();
        var member = grains.GetMember(caller.Member);
        var profile = await member.GetProfileAsync(caller) ?? throw CopLiveException.NotFound("There is no such member.");
        var upcoming = await member.GetUpcomingSessionsAsync(caller);

        var sessions = upcoming
            .SelectMany(c => c.Sessions.Select(s => SessionListItem.From(s, profile.TimeZone, c.CommunityName)))
            .OrderBy(s => s.Start)
            .ToList();
        var names = upcoming.ToDictionary(c => c.Community, c => c.CommunityName);
        var past = (await member.GetPastSessionsAsync(caller))
            .Select(s => SessionListItem.From(s, profile.TimeZone, names.GetValueOrDefault(s.Community)))
            .ToList();
        return Results.Ok(new MySessionsResponse(profile.TimeZone, sessions, past));
    }
}
