using System.Globalization;
using CopLive.Silo.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace CopLive.Silo.Storage.Sqlite;

/// <summary>
/// Orleans reminders kept in the embedded SQLite database (table <c>Reminder</c>, Sql/Sqlite/02-Reminders.sql), so a
/// reminder outlives the process. Writes are rare (a session registers one when it goes live and drops it when it
/// ends) and go through their own short connections beside the grain-state writer (WAL; a busy file is waited for).
/// </summary>
internal sealed class SqliteReminderTable(StorageSettings settings, IOptions<ClusterOptions> cluster) : IReminderTable
{
    private const string Columns = "GrainId, ReminderName, StartTime, Period, Version";
    private readonly string _serviceId = cluster.Value.ServiceId;

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        ReadAsync($"SELECT {Columns} FROM Reminder WHERE ServiceId = $service AND GrainId = $grain",
            c => c.Parameters.AddWithValue("$grain", grainId.ToString()));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        // The ring range (begin, end]; where it wraps past zero (or is the whole ring, begin == end) it is two pieces.
        ReadAsync(
            begin < end
                ? $"SELECT {Columns} FROM Reminder WHERE ServiceId = $service AND GrainHash > $begin AND GrainHash <= $end"
                : $"SELECT {Columns} FROM Reminder WHERE ServiceId = $service AND (GrainHash > $begin OR GrainHash <= $end)",
            c =>
            {
                c.Parameters.AddWithValue("$begin", (long)begin);
                c.Parameters.AddWithValue("$end", (long)end);
            });

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var rows = await ReadAsync($"SELECT {Columns} FROM Reminder WHERE ServiceId = $service AND GrainId = $grain AND ReminderName = $name",
            c =>
            {
                c.Parameters.AddWithValue("$grain", grainId.ToString());
                c.Parameters.AddWithValue("$name", reminderName);
            });
        return rows.Reminders.FirstOrDefault();
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, """
            INSERT INTO Reminder (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
            VALUES ($service, $grain, $name, $start, $period, $hash, 0)
            ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
                SET StartTime = excluded.StartTime, Period = excluded.Period, GrainHash = excluded.GrainHash, Version = Version + 1
            RETURNING Version
            """);
        command.Parameters.AddWithValue("$grain", entry.GrainId.ToString());
        command.Parameters.AddWithValue("$name", entry.ReminderName);
        command.Parameters.AddWithValue("$start", new DateTimeOffset(DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc)).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$period", (long)entry.Period.TotalMilliseconds);
        command.Parameters.AddWithValue("$hash", (long)entry.GrainId.GetUniformHashCode());
        var version = (long)(await command.ExecuteScalarAsync())!;
        return version.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }
        await using var connection = await OpenAsync();
        await using var command = Command(connection,
            "DELETE FROM Reminder WHERE ServiceId = $service AND GrainId = $grain AND ReminderName = $name AND Version = $version");
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        command.Parameters.AddWithValue("$name", reminderName);
        command.Parameters.AddWithValue("$version", version);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async Task TestOnlyClearTable()
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, "DELETE FROM Reminder WHERE ServiceId = $service");
        await command.ExecuteNonQueryAsync();
    }

    private async Task<ReminderTableData> ReadAsync(string sql, Action<SqliteCommand> bind)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync())
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)).UtcDateTime,
                Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                ETag = reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
            });
        }
        return new ReminderTableData(entries);
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service", _serviceId);
        return command;
    }
}
