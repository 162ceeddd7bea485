using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace CopLive.Silo.Hosting;

/// <summary>The storage switch resolved to a provider and a concrete connection string.</summary>
public sealed record StorageSettings(StorageProvider Provider, string ConnectionString)
{
    /// <summary>The ADO.NET invariant Orleans resolves the provider by (Orleans maps the SQLite one to Microsoft.Data.Sqlite).</summary>
    public string Invariant => Provider == StorageProvider.Sqlite ? "System.Data.SQLite" : "Npgsql";

    /// <summary>SQLite in <paramref name="dataFolder"/> unless configured otherwise.</summary>
    public static StorageSettings Resolve(StorageOptions options, string dataFolder) => options.Provider switch
    {
        StorageProvider.Sqlite => ForSqlite(string.IsNullOrWhiteSpace(options.ConnectionString)
            ? Path.Combine(dataFolder, "coplive.db")
            : new SqliteConnectionStringBuilder(options.ConnectionString).DataSource),
        StorageProvider.Postgres when !string.IsNullOrWhiteSpace(options.ConnectionString) =>
            new StorageSettings(StorageProvider.Postgres, options.ConnectionString),
        StorageProvider.Postgres => throw new InvalidOperationException(
            "Storage:Provider is Postgres but Storage:ConnectionString is empty; set it, e.g. " +
            "--Storage:ConnectionString \"Host=127.0.0.1;Username=coplive;Password=...;Database=coplive\"."),
        _ => throw new InvalidOperationException($"Storage:Provider must be Sqlite or Postgres, not '{options.Provider}'."),
    };

    /// <summary>Reads the <c>Storage</c> section and the data folder from configuration.</summary>
    public static StorageSettings FromConfiguration(IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        return Resolve(options, DataFolder.Resolve(configuration));
    }

    /// <summary>A SQLite database file. Busy waits up to the command timeout instead of failing under concurrent writers.</summary>
    public static StorageSettings ForSqlite(string databaseFile) =>
        new(StorageProvider.Sqlite, new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(databaseFile),
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString());

    /// <inheritdoc />
    public override string ToString() => Provider == StorageProvider.Sqlite
        ? $"Sqlite ({new SqliteConnectionStringBuilder(ConnectionString).DataSource})"
        : "Postgres";
}
