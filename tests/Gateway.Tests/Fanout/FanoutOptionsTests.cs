using CopLive.Gateway.Fanout;
using CopLive.Silo.Hosting;
using Microsoft.Extensions.Configuration;

namespace CopLive.Gateway.Tests.Fanout;

public sealed class FanoutOptionsTests
{
    [Theory]
    [InlineData("Fanout:DocumentIntervalMs", "-1")]
    [InlineData("Fanout:DocumentIntervalMs", "1001")]
    [InlineData("Fanout:DocumentIntervalMs", "soon")]
    [InlineData("Fanout:MaxUnreadMb", "0")]
    [InlineData("Fanout:MaxUnreadMb", "1025")]
    public void ABadSetting_StopsStartWithItsName(string setting, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [setting] = value })
            .Build();

        var error = Assert.Throws<InvalidOperationException>(() => ValidatedOptions.Read<FanoutOptions>(configuration, FanoutOptions.Section));
        Assert.Contains(setting, error.Message);
    }

    [Fact]
    public void TheDefaults_AreTheDocumentedOnes()
    {
        var options = ValidatedOptions.Read<FanoutOptions>(new ConfigurationBuilder().Build(), FanoutOptions.Section);

        Assert.Equal(5, options.DocumentIntervalMs);
        Assert.Equal(32, options.MaxUnreadMb);
    }
}
