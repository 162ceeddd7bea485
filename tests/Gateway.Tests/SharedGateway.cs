using CopLive.GatewayHarness;

namespace CopLive.Gateway.Tests;

/// <summary>One gateway with its embedded silo for every class that needs the defaults; each test makes its own community.</summary>
[CollectionDefinition(Name)]
public sealed class SharedGateway : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Gateway";
}
