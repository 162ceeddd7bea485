using CopLive.Gateway.Fanout;
using CopLive.Silo.Hosting;
using Microsoft.Extensions.Configuration;

namespace CopLive.Gateway.Tests.Fanout;

public sealed class FanoutOptionsTests
{
    [Theory]
    [InlineData("-1")]
    [InlineData("1001")]
    [InlineData("soon")]
    public void ABadDocumentInterval_StopsStartWithItsName(string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Fanout:DocumentIntervalMs"] = value })
            .Build();

        var error = Assert.Throws<InvalidOperationException>(() => ValidatedOptions.Read<FanoutOptions>(configuration, FanoutOptions.Section));
        Assert.Contains("Fanout:DocumentIntervalMs", error.Message);
    }

    [Fact]
    public void TheDocumentInterval_DefaultsTo50Ms()
    {
        var options = ValidatedOptions.Read<FanoutOptions>(new ConfigurationBuilder().Build(), FanoutOptions.Section);

        Assert.Equal(50, options.DocumentIntervalMs);
    }
}
