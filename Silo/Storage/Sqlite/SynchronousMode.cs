namespace CopLive.Silo.Storage.Sqlite;

/// <summary>SQLite's <c>PRAGMA synchronous</c> settings, by the numbers SQLite reports them with.</summary>
internal enum SynchronousMode
{
    /// <summary>No sync: a power cut can lose committed transactions.</summary>
    Off = 0,

    /// <summary>Syncs at checkpoints only (in WAL mode): a power cut can lose the last commits.</summary>
    Normal = 1,

    /// <summary>Syncs the WAL at every commit: a completed commit survives a power cut.</summary>
    Full = 2,

    /// <summary>As <see cref="Full"/>, and also syncs the directory.</summary>
    Extra = 3,
}
