using CopLive.TestSupport;

namespace CopLive.EndToEnd.Tests;

/// <summary>Command-line settings of the processes of one cluster on PostgreSQL.</summary>
internal static class PostgresClusterArguments
{
    /// <summary>What every silo and gateway of a new cluster on <paramref name="database"/> is given.</summary>
    public static string[] For(string database) =>
    [
        "--Storage:Provider", "Postgres",
        "--Storage:ConnectionString", database,
        "--Orleans:ClusterId", $"e2e-{Guid.NewGuid():N}",
    ];

    /// <summary>A silo's own ports.</summary>
    public static string[] SiloPorts() => ["--Orleans:SiloPort", FreePort.Next().ToString(), "--Orleans:GatewayPort", FreePort.Next().ToString()];

    /// <summary>A gateway in client mode, with the admin key every gateway of the cluster shares.</summary>
    public static string[] ClientGateway(string adminKey) => ["--Orleans:Mode", "Client", "--Auth:AdminKey", adminKey];
}
