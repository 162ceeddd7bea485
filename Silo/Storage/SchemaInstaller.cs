using System.Data.Common;
using System.Reflection;
using CopLive.Silo.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CopLive.Silo.Storage;

/// <summary>
/// Applies CopLive's storage schema (<c>Sql/{Sqlite,Postgres}/*.sql</c>) at start-up. The scripts are idempotent
/// and run in one transaction, so a second start, or two silos starting at once, neither fails nor duplicates.
/// </summary>
public sealed partial class SchemaInstaller(StorageSettings settings, ILogger<SchemaInstaller> logger)
{
    // Any constant works: it only has to be the same for every process installing into one database.
    private const long PostgresSchemaLock = 0x436F704C697665;

    /// <summary>Creates or updates the schema.</summary>
    public async Task InstallAsync(CancellationToken cancellationToken)
    {
        var scripts = Scripts(settings.Provider);
        if (settings.Provider == StorageProvider.Sqlite)
        {
            await InstallSqliteAsync(scripts, cancellationToken);
        }
        else
        {
            await InstallPostgresAsync(scripts, cancellationToken);
        }
        LogInstalled(settings.ToString(), scripts.Count);
    }

    private async Task InstallSqliteAsync(IReadOnlyList<string> scripts, CancellationToken cancellationToken)
    {
        var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);

        await using var connection = new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        // WAL lets readers proceed during a write and makes each commit one sequential append; it is a
        // property of the file, so setting it once is enough, but setting it again is harmless.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var script in scripts)
        {
            await ExecuteAsync(connection, transaction, script, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task InstallPostgresAsync(IReadOnlyList<string> scripts, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Concurrent CREATE ... IF NOT EXISTS can still collide in the catalog; the lock makes installers take turns.
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresSchemaLock});", cancellationToken);
        foreach (var script in scripts)
        {
            await ExecuteAsync(connection, transaction, script, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static IReadOnlyList<string> Scripts(StorageProvider provider)
    {
        var assembly = typeof(SchemaInstaller).Assembly;
        var prefix = $"CopLive.Sql.{provider}/";
        var alternatePrefix = $"CopLive.Sql.{provider}\\";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) || n.StartsWith(alternatePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Read(assembly, n))
            .ToList();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage schema applied to {Storage} ({ScriptCount} scripts)")]
    private partial void LogInstalled(string storage, int scriptCount);
}
