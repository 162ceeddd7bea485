using CopLive.GatewayHarness;

namespace CopLive.Web.Tests;

/// <summary>One gateway and one Chromium for every page test; each test opens pages of its own in the browser.</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<GatewayFixture>, ICollectionFixture<Browser>
{
    public const string Name = "Browser";
}
