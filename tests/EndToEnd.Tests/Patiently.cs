using System.Diagnostics;
using Npgsql;

namespace CopLive.EndToEnd.Tests;

/// <summary>Waiting on processes that start, crash and recover, with patience far beyond any healthy delay.</summary>
internal static class Patiently
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>Polls <paramref name="read"/> until it gives a value; fails with <paramref name="never"/> when patience runs out.</summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T?>> read, string never) where T : class
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (await read() is { } value)
            {
                return value;
            }
            Assert.True(waited.Elapsed < Patience, never);
            await Task.Delay(200);
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds.</summary>
    public static Task HoldsAsync(Func<Task<bool>> condition, string never) =>
        ReadAsync(async () => await condition() ? "" : null, never);

    /// <summary>A count from the cluster's PostgreSQL database.</summary>
    public static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
