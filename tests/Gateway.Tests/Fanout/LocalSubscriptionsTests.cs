using CopLive.Gateway.Fanout;

namespace CopLive.Gateway.Tests.Fanout;

/// <summary>A gateway follows a grain while at least one of its connections does, and subscribes once for all of them.</summary>
public sealed class LocalSubscriptionsTests
{
    private readonly List<string> _calls = [];

    private LocalSubscriptions<string> Subscriptions() => new(
        key =>
        {
            _calls.Add($"subscribe {key}");
            return Task.CompletedTask;
        },
        key =>
        {
            _calls.Add($"unsubscribe {key}");
            return Task.CompletedTask;
        });

    [Fact]
    public async Task TheFirstConnectionSubscribes_TheLastOneOutUnsubscribes()
    {
        var subscriptions = Subscriptions();

        await subscriptions.AddAsync("tab-1", "plan");
        await subscriptions.AddAsync("tab-2", "plan");
        await subscriptions.AddAsync("tab-2", "plan");
        Assert.True(subscriptions.IsActive("plan"));

        await subscriptions.RemoveAsync("tab-1", "plan");
        Assert.True(subscriptions.IsActive("plan"));
        Assert.Equal(["plan"], await subscriptions.RemoveAllAsync("tab-2"));

        Assert.False(subscriptions.IsActive("plan"));
        Assert.Empty(subscriptions.Active);
        Assert.Equal(["subscribe plan", "unsubscribe plan"], _calls);
    }

    [Fact]
    public async Task AGrainNoConnectionFollows_IsNotActive()
    {
        var subscriptions = Subscriptions();
        await subscriptions.AddAsync("tab-1", "plan");

        Assert.False(subscriptions.IsActive("notes"));
        Assert.False(await subscriptions.RemoveAsync("tab-1", "notes"));
        Assert.Equal(["plan"], subscriptions.Active);
    }
}
