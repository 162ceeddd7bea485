using System.Diagnostics.Metrics;

namespace CopLive.Silo.Observability;

/// <summary>CopLive's instruments (meter <c>CopLive</c>): op throughput and latency, storage writes, refusals.</summary>
public sealed class CopLiveMetrics : IDisposable
{
    public const string MeterName = "CopLive";

    private readonly Meter _meter;
    private readonly Counter<long> _opsAcknowledged;
    private readonly Histogram<double> _opLatency;
    private readonly Histogram<double> _writeLatency;
    private readonly Histogram<int> _writeBatch;
    private readonly Counter<long> _opsRejected;

    public CopLiveMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _opsAcknowledged = _meter.CreateCounter<long>("coplive.ops.acknowledged", "{op}", "Ops stored and acknowledged");
        _opLatency = _meter.CreateHistogram<double>("coplive.ops.ack_latency", "ms", "From applying an op to acknowledging it (includes the storage write)");
        _writeLatency = _meter.CreateHistogram<double>("coplive.storage.write_latency", "ms", "Duration of a document's tail write");
        _writeBatch = _meter.CreateHistogram<int>("coplive.storage.write_batch", "{op}", "Ops stored by one write (group commit)");
        _opsRejected = _meter.CreateCounter<long>("coplive.ops.rejected", "{op}", "Ops refused, by reason");
    }

    public void OpAcknowledged(TimeSpan latency)
    {
        _opsAcknowledged.Add(1);
        _opLatency.Record(latency.TotalMilliseconds);
    }

    public void StorageWrite(TimeSpan latency, int ops)
    {
        _writeLatency.Record(latency.TotalMilliseconds);
        _writeBatch.Record(ops);
    }

    public void OpRejected(string reason) => _opsRejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Dispose() => _meter.Dispose();
}
