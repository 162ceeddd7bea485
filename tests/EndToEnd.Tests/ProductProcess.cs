using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using CopLive.TestSupport;

namespace CopLive.EndToEnd.Tests;

/// <summary>
/// A CopLive program (Gateway or Silo) started as its own process from its build output, the way
/// <c>dotnet run --project X</c> runs it, with its console captured.
/// </summary>
public sealed partial class ProductProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ProductProcess(string project, string assembly, string workingDirectory, IEnumerable<string> arguments)
    {
        var dll = Repository.PathOf(project, "bin", BuildConfiguration, "net10.0", assembly);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build {project} first; {dll} is missing.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Observe(e.Data);
        _process.ErrorDataReceived += (_, e) => Observe(e.Data);
        _process.Exited += (_, _) =>
        {
            _listening.TrySetException(new InvalidOperationException($"{project} exited early:\n{Output}"));
            _started.TrySetException(new InvalidOperationException($"{project} exited early:\n{Output}"));
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything the process printed so far.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts the gateway and waits until it serves HTTP; returns its base address.</summary>
    public static async Task<RunningGateway> StartGatewayAsync(string workingDirectory, params string[] arguments)
    {
        var process = new ProductProcess("Gateway", "CopLive.Gateway.dll", workingDirectory, ["--urls", "http://127.0.0.1:0", .. arguments]);
        var address = await process._listening.Task.WaitAsync(StartTimeout);
        await process._started.Task.WaitAsync(StartTimeout);
        return new RunningGateway(process, new Uri(address));
    }

    /// <summary>Starts a standalone silo and waits until its host has started.</summary>
    public static async Task<ProductProcess> StartSiloAsync(string workingDirectory, params string[] arguments)
    {
        var process = new ProductProcess("Silo", "CopLive.Silo.dll", workingDirectory, arguments);
        await process._started.Task.WaitAsync(StartTimeout);
        return process;
    }

    /// <summary>
    /// Asks the process to stop (SIGTERM, as systemd or an operator's <c>kill</c> does) and waits until it has exited;
    /// returns its exit code.
    /// </summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await signal.WaitForExitAsync();
        }
        await _process.WaitForExitAsync().WaitAsync(StartTimeout);
        return _process.ExitCode;
    }

    /// <summary>Ends the process at once, as a crash or a pulled plug would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Observe(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(match.Groups["url"].Value);
        }
        if (line.Contains("Application started", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex ListeningLine();

    private static string BuildConfiguration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif
}

/// <summary>A gateway process and the address it serves.</summary>
public sealed record RunningGateway(ProductProcess Process, Uri Address) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
