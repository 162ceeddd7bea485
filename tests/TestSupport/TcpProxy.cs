using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CopLive.TestSupport;

/// <summary>
/// A loopback TCP relay in front of a server, so a test can cut every connection at once, as a dropped
/// Wi-Fi link would, while the server keeps running, or stop passing on what the server sends while the
/// connections stay open, as a client that no longer reads would.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private volatile bool _down;
    private volatile TaskCompletionSource _flowing = Flowing();

    public TcpProxy(Uri target)
    {
        _target = new IPEndPoint(IPAddress.Parse(target.Host), target.Port);
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    /// <summary>Where clients should connect.</summary>
    public Uri Address { get; }

    /// <summary>Closes every relayed connection; new ones are accepted as before.</summary>
    public void DropAll()
    {
        foreach (var client in _open.Keys)
        {
            _open.TryRemove(client, out _);
            try
            {
                // Reset rather than close politely: the peer sees a broken link, as on a real network drop.
                client.Client?.Close(0);
            }
            catch (ObjectDisposedException)
            {
            }
            client.Dispose();
        }
    }

    /// <summary>Cuts every connection and refuses new ones until <see cref="Restore"/>: the server is out of reach.</summary>
    public void Cut()
    {
        _down = true;
        DropAll();
    }

    /// <summary>Accepts connections again after <see cref="Cut"/>.</summary>
    public void Restore() => _down = false;

    /// <summary>
    /// Stops reading what the server sends, on every connection, until <see cref="Resume"/>: the server's socket
    /// buffers fill and its writes to those connections wait, while the connections stay open.
    /// </summary>
    public void Stall() => _flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Passes on what the server sent during <see cref="Stall"/>, and everything after it.</summary>
    public void Resume() => _flowing.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        DropAll();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
            if (_down)
            {
                inbound.Client.Close(0);
                inbound.Dispose();
                continue;
            }
            // A fixed receive buffer (no autotuning) keeps what the kernel holds for a stalled connection small.
            var outbound = new TcpClient { ReceiveBufferSize = 64 * 1024 };
            await outbound.ConnectAsync(_target, _stop.Token);
            _open[inbound] = 0;
            _open[outbound] = 0;
            _ = RelayAsync(inbound, outbound, fromServer: false);
            _ = RelayAsync(outbound, inbound, fromServer: true);
        }
    }

    private async Task RelayAsync(TcpClient from, TcpClient to, bool fromServer)
    {
        try
        {
            var buffer = new byte[16 * 1024];
            var (source, target) = (from.GetStream(), to.GetStream());
            while (true)
            {
                if (fromServer)
                {
                    await _flowing.Task.WaitAsync(_stop.Token);
                }
                var read = await source.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    break;
                }
                await target.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
        }
        finally
        {
            from.Close();
            to.Close();
            _open.TryRemove(from, out _);
            _open.TryRemove(to, out _);
        }
    }

    private static TaskCompletionSource Flowing()
    {
        var flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        flowing.SetResult();
        return flowing;
    }
}
