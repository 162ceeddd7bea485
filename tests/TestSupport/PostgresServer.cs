using System.Diagnostics;
using Npgsql;

namespace CopLive.TestSupport;

/// <summary>
/// A PostgreSQL server for tests. CI starts Debian's PostgreSQL and names it in <c>COPLIVE_TEST_POSTGRES</c>
/// (a connection string with rights to create databases). Without that variable, a private throwaway cluster is
/// started from Debian's binaries (<c>apt-get install postgresql</c>). Tests never skip for want of a server: they fail
/// and say how to provide one.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string EnvironmentVariable = "COPLIVE_TEST_POSTGRES";

    private readonly string? _privateDataFolder;
    /// <summary>Stops the private cluster, with pg_ctl's shutdown mode.</summary>
    private readonly Action<string>? _stop;
    private readonly Action? _restart;

    private PostgresServer(string adminConnectionString, string? privateDataFolder = null, Action<string>? stop = null, Action? restart = null)
    {
        AdminConnectionString = adminConnectionString;
        _privateDataFolder = privateDataFolder;
        _stop = stop;
        _restart = restart;
    }

    /// <summary>A connection string with the right to create databases.</summary>
    public string AdminConnectionString { get; }

    public static async Task<PostgresServer> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var server = new PostgresServer(configured);
            await server.EnsureReachableAsync();
            return server;
        }
        return await StartPrivateClusterAsync();
    }

    /// <summary>A throwaway cluster of this test's own (from Debian's binaries), for a test that stops and restarts it.</summary>
    public static Task<PostgresServer> StartPrivateAsync() => StartPrivateClusterAsync();

    /// <summary>
    /// Stops the server as an operator's restart does (fast shutdown: every connection cut), waits
    /// <paramref name="down"/>, and starts it again on the same port and data.
    /// </summary>
    public async Task RestartAsync(TimeSpan down)
    {
        var restart = _restart ?? throw new InvalidOperationException("Only a private cluster can be restarted.");
        _stop!("fast");
        await Task.Delay(down);
        restart();
        await EnsureReachableAsync();
    }

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"coplive_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ToString();
    }

    public ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_privateDataFolder is not null)
        {
            _stop?.Invoke("immediate");
            try
            {
                Directory.Delete(_privateDataFolder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
        return ValueTask.CompletedTask;
    }

    private async Task EnsureReachableAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} names a PostgreSQL server that does not answer ({e.Message}). Start it, or unset the variable to use a private cluster.", e);
        }
    }

    private static async Task<PostgresServer> StartPrivateClusterAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: install Debian's PostgreSQL (apt-get install -y postgresql) or set {EnvironmentVariable} to a connection string.");
        }

        // initdb refuses to run as root; Debian's package provides the 'postgres' account for that case.
        var asRoot = Environment.UserName == "root";
        var folder = Path.Combine(Path.GetTempPath(), $"coplive-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        if (asRoot)
        {
            Run("chown", $"postgres {folder}");
        }

        var port = FreePort.Next();
        void Pg(string tool, string arguments) =>
            Run(asRoot ? "runuser" : Path.Combine(bin, tool), asRoot ? $"-u postgres -- {Path.Combine(bin, tool)} {arguments}" : arguments);

        Pg("initdb", $"-D {folder}/data -U postgres --auth=trust -E UTF8 --no-sync");
        void Start() => Pg("pg_ctl", $"-D {folder}/data -o \"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off\" -l {folder}/log -w start");
        Start();

        var server = new PostgresServer(
            $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres",
            folder,
            mode => Pg("pg_ctl", $"-D {folder}/data -m {mode} -w stop"),
            Start);
        await server.EnsureReachableAsync();
        return server;
    }

    private static void Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {output.Result}{error.Result}");
        }
    }
}
