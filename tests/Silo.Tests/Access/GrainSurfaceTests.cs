using CopLive.Grains.Communities;
using CopLive.Grains.Security;
using CopLive.Silo.Grains.Sessions;

namespace CopLive.Silo.Tests.Access;

/// <summary>
/// What a gateway can call: every public grain method names its caller, so the grain can decide the right; calls
/// meant for other grains are on interfaces internal to the silo, which the gateway cannot see.
/// </summary>
public sealed class GrainSurfaceTests
{
    /// <summary>Public calls without a caller, each with the reason it needs none.</summary>
    private static readonly Dictionary<string, string> WithoutCaller = new()
    {
        ["ICommunityGrain.JoinAsync"] = "the invite code is the credential, and the community checks it",
        ["ICommunityGrain.PreviewInviteAsync"] = "the invite code is the credential (as for joining); it tells only the community's name and the role",
        ["IInviteGrain.ResolveAsync"] = "keyed by the code's hash: only someone holding the code can ask",
        ["IDirectoryGrain.GetAsync"] = "feeds the gateway's console board, which shows each console only its own scope",
    };

    [Fact]
    public void EveryCallAGatewayCanMake_NamesItsCaller_OrSaysWhyNot()
    {
        var calls = typeof(ICommunityGrain).Assembly.GetExportedTypes()
            .Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t) && !typeof(IGrainObserver).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods().Select(m => (Interface: t, Method: m)))
            .ToList();

        var withoutCaller = calls
            .Where(c => c.Method.GetParameters() is not [{ ParameterType: var first }, ..] || first != typeof(Caller))
            // A subscription carries the gateway's own observer; what it receives goes only to connections whose open was checked.
            .Where(c => c.Method.Name is not ("SubscribeAsync" or "UnsubscribeAsync"))
            .Select(c => $"{c.Interface.Name}.{c.Method.Name}");

        Assert.True(calls.Count > 50, $"Only {calls.Count} grain calls were found.");
        Assert.Equal(WithoutCaller.Keys.Order(), withoutCaller.Order());
    }

    [Fact]
    public void GrainToGrainCalls_AreInternalToTheSilo()
    {
        var siloInterfaces = typeof(SessionGrain).Assembly.GetTypes()
            .Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t))
            .ToList();

        Assert.Contains(siloInterfaces, t => t.Name == "IDocumentGrainInternal");
        Assert.All(siloInterfaces, t => Assert.False(t.IsVisible, $"{t.Name} is visible outside the silo."));
    }
}
