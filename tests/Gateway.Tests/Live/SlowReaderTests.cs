using CopLive.GatewayHarness;

namespace CopLive.Gateway.Tests.Live;

/// <summary>A connection that falls too far behind is closed rather than held in the gateway's memory, and catches up.</summary>
public sealed class SlowReaderTests(SlowReaderTests.TightGateway gateway) : IClassFixture<SlowReaderTests.TightGateway>
{
    [Fact]
    public async Task AClientFarBehind_IsClosed_ThenReconnectsAndCatchesUp_WhileTheOthersGetEverything()
    {
        await using var teachers = await SleepingReader.StartAsync(gateway.Api);

        // Several of the 7 MB wait in the gateway, past this gateway's 1 MB limit for one connection.
        var version = await teachers.FloodWhileAsleepAsync();
        await Eventually.HoldsAsync(() => teachers.Watching.Version == version);
        Assert.Equal("", teachers.Watching.Text);

        // Reading again, the sleeper takes what the kernel held, finds its connection closed, reconnects and
        // fetches the rest.
        teachers.WakeUp();
        await Eventually.HoldsAsync(() => teachers.Drops >= 1 && teachers.Sleeping.Version == version);
        Assert.Equal("", teachers.Sleeping.Text);
        Assert.Null(teachers.Sleeping.LastError);
        Assert.Empty(gateway.ServerErrors.Errors);
    }

    /// <summary>A gateway that lets a connection leave at most 1 MB unread.</summary>
    public sealed class TightGateway : GatewayFixture
    {
        protected override IEnumerable<string> Settings => ["--Fanout:MaxUnreadMb", "1"];
    }
}
