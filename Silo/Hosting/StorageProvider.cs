namespace CopLive.Silo.Hosting;

/// <summary>Where grain state lives (configuration <c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file in the data folder: zero set-up, one silo.</summary>
    Sqlite,

    /// <summary>PostgreSQL: persistence and cluster membership for deployments with several silos.</summary>
    Postgres,
}
