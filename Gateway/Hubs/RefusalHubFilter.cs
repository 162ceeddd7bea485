using CopLive.Collab.Text;
using CopLive.Gateway.Faults;
using CopLive.Gateway.Wire;
using CopLive.Grains.Errors;
using CopLive.Protocol.Errors;
using Microsoft.AspNetCore.SignalR;

namespace CopLive.Gateway.Hubs;

/// <summary>
/// Turns refusals into <see cref="HubException"/>s whose message is <c>"Code: human message"</c>, the stable form
/// clients switch on (see docs/protocol.md), and faults of the cluster into <c>Unavailable</c>, which clients retry
/// (<see cref="TransientFault"/>). Other exceptions stay hidden behind SignalR's generic error.
/// </summary>
internal sealed partial class RefusalHubFilter(ILogger<RefusalHubFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (CopLiveException refusal)
        {
            throw new HubException($"{refusal.Code.ToWire()}: {refusal.Message}");
        }
        catch (InvalidOpException invalid)
        {
            throw new HubException($"{RefusalCode.InvalidOp}: {invalid.Message}");
        }
        catch (Exception error) when (TransientFault.Is(error))
        {
            LogTransient(invocationContext.HubMethodName, error.GetType().Name, error.Message);
            throw new HubException($"{RefusalCode.Unavailable}: {TransientFault.Message}");
        }
        catch (Exception error) when (error is not HubException && error is not OperationCanceledException)
        {
            // A fault, not a refusal: SignalR's own error log is switched off (it would report every refusal as
            // an error), so faults are logged here.
            LogFault(error, invocationContext.HubMethodName);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub method {Method} met a transient fault ({Fault}: {Detail}); the caller retries")]
    private partial void LogTransient(string method, string fault, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed")]
    private partial void LogFault(Exception error, string method);
}
