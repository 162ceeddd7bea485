using CopLive.GatewayHarness;

namespace CopLive.Admin.Tui.Tests;

/// <summary>One gateway for the console's tests that need a real one; each test makes its own community.</summary>
[CollectionDefinition(Name)]
public sealed class SharedGateway : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Gateway";
}
