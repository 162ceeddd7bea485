using System.Data.Common;
using Orleans.Runtime.Messaging;
using Orleans.Storage;

namespace CopLive.Gateway.Faults;

/// <summary>
/// Faults of the cluster, not of the request: a silo unreachable or gone, a grain call timing out while an activation
/// moves, a storage write losing to a newer activation, a database restarting. Nothing the caller sent was wrong, so
/// the gateway answers <c>Unavailable</c> and clients retry. A call that timed out may still have taken effect, so
/// the answer does not promise that nothing changed; ops are idempotent by client id and seq, so retrying them is
/// always safe.
/// </summary>
internal static class TransientFault
{
    /// <summary>What a person is told, in the <c>Unavailable</c> refusal.</summary>
    public const string Message = "The server is busy or one of its machines is restarting. Try again in a moment.";

    /// <summary>The retry hint of a REST answer (<c>Retry-After</c>).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>Whether <paramref name="error"/> is one of these faults.</summary>
    public static bool Is(Exception error) => error switch
    {
        SiloUnavailableException or OrleansMessageRejectionException or GatewayTooBusyException or ClientNotAvailableException => true,
        ConnectionFailedException => true,
        TimeoutException or InconsistentStateException => true,
        DbException { IsTransient: true } => true,
        AggregateException { InnerExceptions.Count: > 0 } all => all.InnerExceptions.All(Is),
        _ => false,
    };
}
