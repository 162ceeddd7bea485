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
    private readonly Histogram<double> _commitLatency;
    private readonly Histogram<int> _commitSize;

    public CopLiveMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _opsAcknowledged = _meter.CreateCounter<long>("coplive.ops.acknowledged", "{op}", "Ops stored and acknowledged");
        _opLatency = _meter.CreateHistogram<double>("coplive.ops.ack_latency", "ms", "From applying an op to acknowledging it (includes the storage write)");
        _writeLatency = _meter.CreateHistogram<double>("coplive.storage.write_latency", "ms", "Duration of a document's tail write");
        _writeBatch = _meter.CreateHistogram<int>("coplive.storage.write_batch", "{op}", "Ops stored by one write (group commit)");
        _opsRejected = _meter.CreateCounter<long>("coplive.ops.rejected", "{op}", "Ops refused, by reason");
        _commitLatency = _meter.CreateHistogram<double>("coplive.storage.commit_latency", "ms", "Duration of one SQLite commit of grain states");
        _commitSize = _meter.CreateHistogram<int>("coplive.storage.commit_size", "{state}", "Grain states written by one SQLite commit (shared across grains)");
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

    public void StorageCommit(int states, TimeSpan latency)
    {
        _commitSize.Record(states);
        _commitLatency.Record(latency.TotalMilliseconds);
    }

    public void OpRejected(string reason) => _opsRejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Dispose() => _meter.Dispose();
}
