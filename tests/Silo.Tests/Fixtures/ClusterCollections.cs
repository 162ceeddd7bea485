namespace CopLive.Silo.Tests.Fixtures;

/// <summary>
/// One SQLite cluster for every class that needs one: each test uses keys of its own, and the classes take turns, so a
/// test that holds storage writes, moves the clock or deactivates every grain disturbs no other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SqliteCluster : ICollectionFixture<SqliteClusterFixture>
{
    public const string Name = "SQLite cluster";
}

/// <summary>One PostgreSQL cluster (on its own throwaway database) for every class that needs one, as for SQLite.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCluster : ICollectionFixture<PostgresClusterFixture>
{
    public const string Name = "PostgreSQL cluster";
}
