namespace CopLive.Silo.Storage;

/// <summary>Names of the grain storage providers. They are persisted with every row: never rename one.</summary>
public static class StorageNames
{
    /// <summary>The ADO.NET store (SQLite or PostgreSQL) holding all grain state.</summary>
    public const string Default = "coplive";

    /// <summary>The ADO.NET provider behind <see cref="Default"/> when it is SQLite (see <see cref="SingleWriterGrainStorage"/>).</summary>
    public const string SqliteWriter = "coplive-sqlite";
}
