namespace CopLive.Silo.Storage;

/// <summary>Names of the grain storage providers.</summary>
public static class StorageNames
{
    /// <summary>The store (SQLite or PostgreSQL) holding all grain state.</summary>
    public const string Default = "coplive";

}
