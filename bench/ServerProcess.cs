using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CopLive.Bench;

/// <summary>The gateway (embedded silo) as a separate process, so its CPU and memory are measured apart from the load.</summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _data;

    private ServerProcess(Process process, string data, Uri address)
    {
        _process = process;
        _data = data;
        Address = address;
    }

    public Uri Address { get; }

    public string AdminKey => File.ReadAllText(Path.Combine(_data, "admin.key"));

    public int Pid => _process.Id;

    /// <param name="dll">The server's entry assembly, run with <c>dotnet</c>.</param>
    /// <param name="extra">Arguments after the common ones (address, data folder, log levels).</param>
    /// <param name="environment">Variables set for the server's process only.</param>
    public static async Task<ServerProcess> StartAsync(string dll, IEnumerable<string> extra, IReadOnlyDictionary<string, string>? environment = null)
    {
        var data = Path.Combine(Path.GetTempPath(), $"coplive-bench-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { dll, "--urls", "http://127.0.0.1:0", "--Data", data, "--Logging:LogLevel:Default", "Warning",
                     "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information" }.Concat(extra))
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"server: {e.Data}"); };
        process.BeginErrorReadLine();

        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (Listening().Match(line) is { Success: true } match)
            {
                _ = DrainAsync(process);
                return new ServerProcess(process, data, new Uri(match.Groups["url"].Value));
            }
        }
        throw new InvalidOperationException("The server exited before listening.");
    }

    /// <summary>User + system CPU time of the server so far.</summary>
    public TimeSpan CpuTime() => CpuOf(Pid);

    /// <summary>A TCP port free on the loopback interface right now.</summary>
    public static string FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>User + system CPU time so far of process <paramref name="pid"/>.</summary>
    public static TimeSpan CpuOf(int pid) => StatCpu($"/proc/{pid}/stat");

    /// <summary>
    /// CPU time of the runtime's background JIT (the thread that recompiles hot methods as they warm up): while it
    /// is busy the server is not yet in its steady state.
    /// </summary>
    public TimeSpan JitCpuTime() => Directory.EnumerateDirectories($"/proc/{Pid}/task")
        .Where(task => File.Exists(Path.Combine(task, "comm"))
                       && File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered Com", StringComparison.Ordinal))
        .Aggregate(TimeSpan.Zero, (sum, task) => sum + StatCpu(Path.Combine(task, "stat")));

    private static TimeSpan StatCpu(string statFile)
    {
        var fields = File.ReadAllText(statFile).Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]); // utime, stime (fields 14 and 15 of stat)
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>Peak resident memory of the server (VmHWM), in MB.</summary>
    public double PeakRssMegabytes()
    {
        var line = File.ReadAllLines($"/proc/{Pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task DrainAsync(Process process)
    {
        while (await process.StandardOutput.ReadLineAsync() is not null)
        {
        }
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex Listening();
}
