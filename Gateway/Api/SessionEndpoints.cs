using CopLive.Gateway.Api.Contracts;
using CopLive.Grains.Ids;

namespace CopLive.Gateway.Api;

/// <summary><c>GET /api/sessions/{id}</c>: a session, for members of its community.</summary>
internal static class SessionEndpoints
{
    public static RouteGroupBuilder MapSessionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/sessions/{id:guid}", GetAsync).RequireAuthorization();
        return api;
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, IGrainFactory grains)
    {
        var session = await grains.GetSession(new SessionId(id)).GetAsync(context.Caller());
        return Results.Ok(SessionResponse.From(session));
    }
}
