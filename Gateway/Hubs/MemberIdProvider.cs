using CopLive.Gateway.Auth;
using Microsoft.AspNetCore.SignalR;

namespace CopLive.Gateway.Hubs;

/// <summary>Identifies hub connections by the member id of their token (the <c>sub</c> claim).</summary>
internal sealed class MemberIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User.ToCaller() is { IsAdmin: false } caller
        ? caller.Member.ToString()
        : null;
}
