using System.Net;
using CopLive.Gateway.Cluster;
using CopLive.GatewayHarness;
using CopLive.Protocol.Hubs;
using CopLive.Silo.Hosting;
using CopLive.TestSupport;
using Microsoft.Extensions.Configuration;

namespace CopLive.Gateway.Tests.Api;

/// <summary>
/// A gateway tells pages the cluster's other gateways, and lets pages those gateways served call it, so a page can
/// go on through another gateway when its own dies (the browser side is tested in the end-to-end browser test).
/// </summary>
public sealed class GatewayAddressesTests(GatewayAddressesTests.ListedGateway gateway) : IClassFixture<GatewayAddressesTests.ListedGateway>
{
    private const string Other = "https://coplive-b.district.example";

    [Fact]
    public async Task APage_LearnsTheClustersGateways_WithoutSigningIn()
    {
        var reply = await gateway.Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/gateways");

        Assert.Equal(["http://127.0.0.1:5999", Other], reply["addresses"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Theory]
    [InlineData(Other, true)]
    [InlineData("https://elsewhere.example", false)]
    public async Task AnotherGatewaysPage_MayConnectToTheHub_AndNoOtherSiteMay(string origin, bool allowed)
    {
        using var http = new HttpClient { BaseAddress = gateway.Api.BaseAddress };
        using var preflight = new HttpRequestMessage(HttpMethod.Options, $"{HubPaths.Live}/negotiate?negotiateVersion=1");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,x-requested-with,x-signalr-user-agent");

        using var response = await http.SendAsync(preflight);

        var granted = response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origins) ? origins.Single() : null;
        Assert.Equal(allowed ? origin : null, granted);
    }

    [Theory]
    [InlineData("ftp://coplive.example")]
    [InlineData("coplive.example")]
    [InlineData("https://coplive.example/live")]
    public void AnAddressThatIsNotAGatewaysBase_StopsStartWithItsName(string address)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Gateways:Addresses:0"] = address })
            .Build();

        var error = Assert.Throws<InvalidOperationException>(() => ValidatedOptions.Read<GatewayAddresses>(configuration, GatewayAddresses.Section));

        Assert.Contains("Gateways:Addresses", error.Message);
        Assert.Contains(address, error.Message);
    }

    /// <summary>A gateway configured with two public addresses: a port on this machine and another host.</summary>
    public sealed class ListedGateway : GatewayFixture
    {
        protected override IEnumerable<string> Settings => ["--Gateways:Addresses:0", "http://127.0.0.1:5999", "--Gateways:Addresses:1", Other + "/"];
    }
}
