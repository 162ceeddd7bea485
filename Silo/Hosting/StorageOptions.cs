using System.ComponentModel.DataAnnotations;

namespace CopLive.Silo.Hosting;

/// <summary>The storage switch (configuration section <c>Storage</c>); one setting drives persistence and, for PostgreSQL, clustering.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Sqlite (default) or Postgres.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>ADO.NET connection string. Optional for SQLite (defaults to <c>coplive.db</c> in the data folder); required for PostgreSQL.</summary>
    [MaxLength(4096)]
    public string? ConnectionString { get; set; }
}
