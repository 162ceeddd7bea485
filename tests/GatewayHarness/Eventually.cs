namespace CopLive.GatewayHarness;

/// <summary>Waiting for what a live connection will see shortly, with patience far beyond any healthy delay.</summary>
public static class Eventually
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>Polls <paramref name="read"/> until it gives a value; throws when patience runs out.</summary>
    public static async Task<T> ReadAsync<T>(Func<T?> read) where T : class
    {
        using var patience = new CancellationTokenSource(Patience);
        while (true)
        {
            if (read() is { } value)
            {
                return value;
            }
            await Task.Delay(20, patience.Token);
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; throws when patience runs out.</summary>
    public static async Task HoldsAsync(Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(20, patience.Token);
        }
    }
}
