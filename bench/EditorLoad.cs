using System.Collections.Concurrent;
using System.Diagnostics;

namespace CopLive.Bench;

/// <summary>
/// The editors of a run: each submits at <c>--rate</c> (or, with <c>--saturate</c>, as fast as its acknowledgements
/// come), one op in flight, until the run stops. The acknowledged ops, their latencies and the latencies of their
/// delivery to watchers are counted here.
/// </summary>
internal sealed class EditorLoad(BenchOptions options)
{
    private readonly List<Task> _editors = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<(string Client, long Seq), long> _sentAt = new();
    private long _acknowledged;

    /// <summary>Latencies of the acknowledgements received while <see cref="Measuring"/> was set.</summary>
    public LatencyRecorder AckLatency { get; } = new();

    /// <summary>Latencies from an op's submission to a watcher's receipt, for those received while <see cref="Measuring"/> was set.</summary>
    public LatencyRecorder DeliveryLatency { get; } = new();

    /// <summary>Set while the measured window is open.</summary>
    public bool Measuring { get; set; }

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>
    /// Starts editor <paramref name="client"/>; <paramref name="submit"/> sends op number <c>seq</c> and returns once it
    /// is acknowledged.
    /// </summary>
    public void Start(string client, Random random, Func<long, Task> submit) => _editors.Add(Task.Run(async () =>
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
            _sentAt[(client, seq)] = started;
            await submit(seq);
            Interlocked.Increment(ref _acknowledged);
            if (Measuring)
            {
                AckLatency.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }));

    /// <summary>A watcher received op <paramref name="seq"/> of <paramref name="client"/> at <paramref name="receivedAt"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void Delivered(string client, long seq, long receivedAt)
    {
        if (Measuring && _sentAt.TryGetValue((client, seq), out var sent))
        {
            DeliveryLatency.Add(Stopwatch.GetElapsedTime(sent, receivedAt).TotalMilliseconds);
        }
    }

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
