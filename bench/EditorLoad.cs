using System.Diagnostics;

namespace CopLive.Bench;

/// <summary>
/// The editors of a run: each submits at <c>--rate</c> (or, with <c>--saturate</c>, as fast as its acknowledgements
/// come), one op in flight, until the run stops; the acknowledged ops and their latencies are counted here.
/// </summary>
internal sealed class EditorLoad(BenchOptions options)
{
    private readonly List<Task> _editors = [];
    private readonly CancellationTokenSource _stop = new();
    private long _acknowledged;

    /// <summary>Latencies of the acknowledgements received while <see cref="Measuring"/> was set.</summary>
    public LatencyRecorder AckLatency { get; } = new();

    /// <summary>Set while the measured window is open.</summary>
    public bool Measuring { get; set; }

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Starts an editor; <paramref name="submit"/> sends op number <c>seq</c> and returns once it is acknowledged.</summary>
    public void Start(Random random, Func<long, Task> submit) => _editors.Add(Task.Run(async () =>
    {
        using var timer = options.Saturate ? null : new PeriodicTimer(TimeSpan.FromSeconds(1 / options.Rate));
        // Spread editors over the first tick so they do not all fire together.
        await Task.Delay(random.Next((int)(1_000 / options.Rate)));
        for (long seq = 1; !_stop.IsCancellationRequested; seq++)
        {
            if (timer is not null && !await timer.WaitForNextTickAsync(_stop.Token).AsTask().ContinueWith(t => !t.IsCanceled && t.Result))
            {
                break;
            }
            var started = Stopwatch.GetTimestamp();
            await submit(seq);
            Interlocked.Increment(ref _acknowledged);
            if (Measuring)
            {
                AckLatency.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }));

    /// <summary>Stops every editor and waits for them; says how many stopped early and why, since fewer editors offer fewer ops.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_editors.Select(t => t.ContinueWith(_ => { })));
        var failures = _editors.Where(t => t.IsFaulted).Select(t => t.Exception!.GetBaseException()).ToList();
        if (failures.Count > 0)
        {
            Console.WriteLine($"{failures.Count} of {_editors.Count} editors stopped early; the first because: {failures[0].GetType().Name}: {failures[0].Message}");
        }
        _stop.Dispose();
    }
}
