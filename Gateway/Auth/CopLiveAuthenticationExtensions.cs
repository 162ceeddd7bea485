using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace CopLive.Gateway.Auth;

/// <summary>Authentication of members (JWT) and of the administrator (admin key) behind one bearer scheme.</summary>
public static class CopLiveAuthenticationExtensions
{
    private const string Scheme = "CopLive";

    public static IServiceCollection AddCopLiveAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Member token or admin key", o => o.ForwardDefaultSelector = context =>
            {
                var token = BearerToken.From(context.Request);
                return token is not null && !BearerToken.LooksLikeJwt(token)
                    ? AdminKeyAuthenticationHandler.SchemeName
                    : JwtBearerDefaults.AuthenticationScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, AdminKeyAuthenticationHandler>(AdminKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        context.Token = BearerToken.From(context.Request);
                        return Task.CompletedTask;
                    },
                };
            });

        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<MemberTokens>((o, tokens) => o.TokenValidationParameters = tokens.ValidationParameters());
        services.AddAuthorization();
        return services;
    }
}
