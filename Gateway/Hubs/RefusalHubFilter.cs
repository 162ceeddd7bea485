using CopLive.Collab.Text;
using CopLive.Grains.Errors;
using Microsoft.AspNetCore.SignalR;

namespace CopLive.Gateway.Hubs;

/// <summary>
/// Turns refusals into <see cref="HubException"/>s whose message is <c>"Code: human message"</c>, the stable form
/// clients switch on (see docs/protocol.md). Other exceptions stay hidden behind SignalR's generic error.
/// </summary>
internal sealed class RefusalHubFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (CopLiveException refusal)
        {
            throw new HubException($"{refusal.Code}: {refusal.Message}");
        }
        catch (InvalidOpException invalid)
        {
            throw new HubException($"{CopLiveError.InvalidOp}: {invalid.Message}");
        }
    }
}
