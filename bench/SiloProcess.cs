using System.Diagnostics;
using System.Globalization;

namespace CopLive.Bench;

/// <summary>A standalone silo (<c>Silo/</c>) as its own process on free ports, for the cluster benchmarks.</summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SiloProcess(Process process) => _process = process;

    /// <summary>User + system CPU time of the silo so far.</summary>
    public TimeSpan CpuTime() => ServerProcess.CpuOf(_process.Id);

    /// <summary>Starts a silo with <paramref name="cluster"/>'s settings and waits until its host has started.</summary>
    public static async Task<SiloProcess> StartAsync(IEnumerable<string> cluster)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { BuildOutput.Find("Silo", "CopLive.Silo.dll"), "--Orleans:SiloPort", ServerProcess.FreePort(), "--Orleans:GatewayPort", ServerProcess.FreePort() }.Concat(cluster))
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start a silo.");
        process.BeginErrorReadLine();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.Contains("Application started", StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync();
                return new SiloProcess(process);
            }
        }
        throw new InvalidOperationException("A silo exited before starting.");
    }

    /// <summary>Ends the silo at once, as a crash would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
