using System.Security.Claims;
using CopLive.Grains.Ids;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NodaTime;

namespace CopLive.Gateway.Auth;

/// <summary>Issues and describes the validation of member tokens (HMAC-SHA256 JWTs).</summary>
public sealed class MemberTokens(ServerKeys keys, AuthOptions options, IClock clock)
{
    public const string Issuer = "coplive";
    public const string Audience = "coplive";

    private readonly SymmetricSecurityKey _key = new(keys.SigningKey);
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>A signed token naming the member; rights are not in it (grains decide them on every call).</summary>
    public string Issue(MemberId member, string displayName)
    {
        var now = clock.GetCurrentInstant().ToDateTimeUtc();
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddDays(options.TokenLifetimeDays),
            Subject = new ClaimsIdentity([new Claim(CopLiveClaims.Subject, member.ToString()), new Claim(CopLiveClaims.Name, displayName)]),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>What a member token must satisfy.</summary>
    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = _key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromMinutes(1),
        NameClaimType = CopLiveClaims.Name,
    };
}
