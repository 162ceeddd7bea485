namespace CopLive.Silo.Storage;

/// <summary>Names of the grain storage providers.</summary>
public static class StorageNames
{
    /// <summary>The store (SQLite or PostgreSQL) holding all grain state.</summary>
    public const string Default = "coplive";

    /// <summary>
    /// Orleans' ADO.NET provider over the SQLite table earlier builds stored grain state in; read only, to carry
    /// such state over (see <see cref="Sqlite.SqliteGrainStorage"/>).
    /// </summary>
    public const string SqliteLegacy = "coplive-sqlite";
}
