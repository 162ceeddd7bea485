using System.Diagnostics.Metrics;
using CopLive.Silo.Observability;

namespace CopLive.Gateway.Observability;

/// <summary>
/// Listens to the silo's instruments in this process and turns them into per-second figures for the console's
/// Pulse: ops acknowledged per second and the mean storage write time. A gateway in client mode hosts no silo, so
/// it sees no ops or writes and reports none (null), rather than zero.
/// </summary>
public sealed class PulseSampler : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _ops;
    private long _writes;
    private double _writeMs;
    private bool _seenSilo;
    private long _lastOps;
    private long _lastWrites;
    private double _lastWriteMs;
    private long _lastAt = Environment.TickCount64;

    public PulseSampler()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CopLiveMetrics.MeterName && instrument.Name is "coplive.ops.acknowledged" or "coplive.storage.write_latency")
            {
                _seenSilo = true;
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Interlocked.Add(ref _ops, value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            lock (_listener)
            {
                _writes++;
                _writeMs += value;
            }
        });
        _listener.Start();
    }

    /// <summary>Ops per second and mean write milliseconds since the previous sample (null where this process has no silo).</summary>
    public (double? OpsPerSecond, double? StorageWriteMs) Sample()
    {
        var now = Environment.TickCount64;
        var seconds = Math.Max(0.001, (now - _lastAt) / 1000.0);
        var ops = Interlocked.Read(ref _ops);
        long writes;
        double writeMs;
        lock (_listener)
        {
            writes = _writes;
            writeMs = _writeMs;
        }
        var opsPerSecond = (ops - _lastOps) / seconds;
        double? meanWrite = writes > _lastWrites ? (writeMs - _lastWriteMs) / (writes - _lastWrites) : 0;
        (_lastAt, _lastOps, _lastWrites, _lastWriteMs) = (now, ops, writes, writeMs);
        return _seenSilo ? (opsPerSecond, meanWrite) : (null, null);
    }

    public void Dispose() => _listener.Dispose();
}
