using CopLive.Client.Live;
using CopLive.GatewayHarness;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Hubs;
using CopLive.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.Gateway.Tests.Live;

/// <summary>A lock reaches every connection that has the document open when it is set, not at its next refused edit.</summary>
[Collection(SharedGateway.Name)]
public sealed class DocumentLockTests(GatewayFixture gateway)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task LockAndUnlock_ArePushedToATeacherWhoHasTheDocumentOpen()
    {
        var api = gateway.Api;
        var (community, invites) = await api.CreateCommunityAsync(GatewayFixture.AdminKey);
        var (_, facilitator) = await api.JoinAsync(ApiClient.Text(invites, "facilitator"), "Ms. Rivera");
        var (_, teacher) = await api.JoinAsync(ApiClient.Text(invites, "member"), "Ana Ruiz");
        var document = await api.CreateDocumentAsync(community, facilitator, "Unit plan", "# Fractions\n");

        await using var teacherHub = await LiveConnection.ConnectAsync(api.BaseAddress, teacher);
        await using var facilitatorHub = await LiveConnection.ConnectAsync(api.BaseAddress, facilitator);
        var changes = System.Threading.Channels.Channel.CreateUnbounded<DocumentLockChangedEvent>();
        teacherHub.On<DocumentLockChangedEvent>(nameof(IDocumentEvents.DocumentLockChanged), e => changes.Writer.TryWrite(e));
        var opened = await teacherHub.InvokeAsync<OpenedDocument>(nameof(ILiveHub.OpenDocument), document.ToString());
        Assert.False(opened.Locked);

        Assert.True(await facilitatorHub.InvokeAsync<bool>(nameof(ILiveHub.LockDocument), document.ToString(), true, "Reading time"));
        var locked = await changes.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal(new DocumentLockChangedEvent(document, true), locked);

        Assert.False(await facilitatorHub.InvokeAsync<bool>(nameof(ILiveHub.LockDocument), document.ToString(), false, null));
        var unlocked = await changes.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal(new DocumentLockChangedEvent(document, false), unlocked);

        // Locking what is already locked changes nothing, so it tells nobody.
        await facilitatorHub.InvokeAsync<bool>(nameof(ILiveHub.LockDocument), document.ToString(), false, null);
        await facilitatorHub.InvokeAsync<bool>(nameof(ILiveHub.LockDocument), document.ToString(), true, null);
        Assert.True((await changes.Reader.ReadAsync().AsTask().WaitAsync(Wait)).Locked);
        Assert.False(changes.Reader.TryRead(out _));
    }
}
