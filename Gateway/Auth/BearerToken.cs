namespace CopLive.Gateway.Auth;

/// <summary>Finds the bearer credential of a request: the Authorization header, or <c>access_token</c> on hub paths
/// (browsers cannot set headers on WebSockets).</summary>
internal static class BearerToken
{
    public static string? From(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = header["Bearer ".Length..].Trim();
            return token.Length > 0 ? token : null;
        }
        if (request.Path.StartsWithSegments("/hubs") && request.Query.TryGetValue("access_token", out var query))
        {
            var token = query.ToString();
            return token.Length > 0 ? token : null;
        }
        return null;
    }

    /// <summary>A compact JWS has exactly three dot-separated parts; the admin key has none.</summary>
    public static bool LooksLikeJwt(string token) => token.Count(c => c == '.') == 2;
}
