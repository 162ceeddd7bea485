using System.Diagnostics.Metrics;

namespace CopLive.Gateway.Observability;

/// <summary>
/// The gateway's instruments (meter <c>CopLive.Gateway</c>): open hub connections, participants' and consoles', and
/// how many ops each delivery of a document's events carries.
/// </summary>
public sealed class GatewayMetrics : IDisposable
{
    public const string MeterName = "CopLive.Gateway";

    private readonly Meter _meter;
    private readonly UpDownCounter<int> _connections;
    private readonly Histogram<int> _deliveryOps;
    private int _participants;
    private int _consoles;

    public GatewayMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _connections = _meter.CreateUpDownCounter<int>("coplive.connections", "{connection}", "Open hub connections, by hub");
        _deliveryOps = _meter.CreateHistogram<int>(
            "coplive.fanout.delivery_ops", "{op}", "Ops sent to a document's readers together, in one DocumentOps event (see Fanout:DocumentIntervalMs)");
    }

    /// <summary>Participants' connections open on this gateway now.</summary>
    public int Participants => Volatile.Read(ref _participants);

    /// <summary>Consoles connected to this gateway now.</summary>
    public int Consoles => Volatile.Read(ref _consoles);

    public void ParticipantConnected() => Change(ref _participants, 1, "live");

    public void ParticipantDisconnected() => Change(ref _participants, -1, "live");

    public void ConsoleConnected() => Change(ref _consoles, 1, "admin");

    public void ConsoleDisconnected() => Change(ref _consoles, -1, "admin");

    /// <summary>A document's held ops went out to its readers in one event.</summary>
    public void OpsDelivered(int ops) => _deliveryOps.Record(ops);

    private void Change(ref int count, int delta, string hub)
    {
        Interlocked.Add(ref count, delta);
        _connections.Add(delta, new KeyValuePair<string, object?>("hub", hub));
    }

    public void Dispose() => _meter.Dispose();
}
