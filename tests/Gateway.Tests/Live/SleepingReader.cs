using CopLive.Client.Live;
using CopLive.Collab.Text;
using CopLive.GatewayHarness;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Hubs;
using CopLive.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.Gateway.Tests.Live;

/// <summary>
/// Three teachers in one document, the third behind a proxy that can stop reading with its connection still open
/// (a laptop asleep). While it sleeps, the first pastes and removes a long passage 24 times: about 7 MB for each
/// reader, more than every buffer between the server and the sleeper can hold (the kernel's socket buffers are at
/// most 4 MB), so the server's writes to the sleeper wait.
/// </summary>
internal sealed class SleepingReader : IAsyncDisposable
{
    private readonly TcpProxy _proxy;
    private readonly HubConnection _editor;
    private readonly HubConnection _watcher;
    private readonly HubConnection _sleeper;
    private readonly Guid _document;
    private int _drops;

    private SleepingReader(TcpProxy proxy, HubConnection editor, HubConnection watcher, HubConnection sleeper, Guid document)
    {
        _proxy = proxy;
        _editor = editor;
        _watcher = watcher;
        _sleeper = sleeper;
        _document = document;
        sleeper.Reconnecting += _ =>
        {
            Interlocked.Increment(ref _drops);
            return Task.CompletedTask;
        };
    }

    /// <summary>The second teacher's copy, read at full speed.</summary>
    public SharedDocument Watching { get; private set; } = null!;

    /// <summary>The third teacher's copy, behind the proxy.</summary>
    public SharedDocument Sleeping { get; private set; } = null!;

    /// <summary>How many times the sleeper's connection was lost.</summary>
    public int Drops => Volatile.Read(ref _drops);

    public static async Task<SleepingReader> StartAsync(ApiClient api)
    {
        var (community, tokens) = await api.CommunityWithTeachersAsync(3);
        var document = await api.CreateDocumentAsync(community, tokens[0], "Plan", "");
        var proxy = new TcpProxy(api.BaseAddress);
        var reader = new SleepingReader(
            proxy,
            await LiveConnection.ConnectAsync(api.BaseAddress, tokens[0]),
            await LiveConnection.ConnectAsync(api.BaseAddress, tokens[1]),
            await LiveConnection.ConnectAsync(proxy.Address, tokens[2]),
            document);
        reader.Watching = await SharedDocument.OpenAsync(reader._watcher, document);
        reader.Sleeping = await SharedDocument.OpenAsync(reader._sleeper, document);
        return reader;
    }

    /// <summary>Puts the sleeper to sleep, has the editor paste and remove the passage, and returns the last version.</summary>
    public async Task<long> FloodWhileAsleepAsync()
    {
        _proxy.Stall();
        var passage = TextOp.Create(OpComponent.Insert(new string('€', 100_000)));
        var removal = TextOp.Create(OpComponent.Delete(100_000));
        var version = 0L;
        for (var seq = 1L; seq <= 48; seq++)
        {
            var reply = await _editor.InvokeAsync<SubmitReply>(nameof(ILiveHub.SubmitOp), _document.ToString(), "editor", seq, version, seq % 2 == 1 ? passage : removal);
            version = reply.Version;
        }
        return version;
    }

    /// <summary>The sleeper reads again.</summary>
    public void WakeUp() => _proxy.Resume();

    public async ValueTask DisposeAsync()
    {
        await _sleeper.DisposeAsync();
        await _watcher.DisposeAsync();
        await _editor.DisposeAsync();
        await _proxy.DisposeAsync();
    }
}
