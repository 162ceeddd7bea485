using System.Net;
using CopLive.Admin.Tui.Tests.ViewModels;
using CopLive.Admin.Tui.ViewModels;
using CopLive.Client.Admin;
using CopLive.Client.Live;
using CopLive.Collab.Text;
using CopLive.GatewayHarness;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Errors;
using CopLive.Protocol.Hubs;
using CopLive.Protocol.Moderation;
using CopLive.Protocol.Sessions;
using CopLive.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Terminal.Gui.Input;

namespace CopLive.Admin.Tui.Tests.Views;

/// <summary>The console as a moderator uses it: keys in, screen text out, against a real gateway.</summary>
[Collection(SharedGateway.Name)]
public sealed class ConsoleScreenTests(GatewayFixture gateway)
{
    private ApiClient Api => gateway.Api;

    [Fact]
    public async Task Moderator_FindsTheLiveSession_WatchesAnEditArrive_AndMutesItsAuthor()
    {
        var (session, teachers) = await LiveMeetingAsync("Fractions tuning");
        using var console = await HeadlessConsole.ConnectAsync(Api.BaseAddress, GatewayFixture.AdminKey);

        await console.ScreenShowsAsync("Fractions tuning", "live", "Presenting", "2/3");
        await console.FilterAsync("fractions");
        console.Press(Key.Enter);
        await console.ScreenShowsAsync("Rooms: Fractions tuning", "Main room");
        console.Press(Key.Enter);
        await console.ScreenShowsAsync("Document: Main room notes", "# Fractions tuning");

        var plan = await SharedDocument.OpenAsync(teachers[0], session.MainDocumentId);
        plan.Edit(TextOp.Create(OpComponent.Skip(CodePoints.Count(plan.Text)), OpComponent.Insert("Goal: compare fractions 🍕")));
        await plan.SettleAsync(TimeSpan.FromSeconds(15));
        await console.ScreenShowsAsync("Goal: compare fractions 🍕", "Teacher 0 ");

        console.Press(Key.Esc, Key.Tab);
        await console.ScreenShowsAsync("Members: Fractions tuning", "Teacher 1");
        console.Press(new Key('m'));
        await console.ScreenShowsAsync("Mute Teacher 0? (y/n)");
        console.Type("y");
        console.Press(Key.Enter);
        await console.ScreenShowsAsync("MUTED", "Done: Mute Teacher 0.");

        var refused = await Assert.ThrowsAsync<HubException>(() => teachers[0].InvokeAsync<SubmitReply>(nameof(ILiveHub.SubmitOp), session.MainDocumentId.ToString(), "after-mute", 1L, plan.Version, TextOp.Create(OpComponent.Insert("hi"))));
        Assert.Equal(RefusalCode.Forbidden, HubError.Code(refused));

        console.Press(new Key(':'));
        console.Type("audit");
        console.Press(Key.Enter);
        await console.ScreenShowsAsync("member.muted", "Teacher 0");
        await plan.DisposeAsync();
        foreach (var teacher in teachers)
        {
            await teacher.DisposeAsync();
        }
    }

    [Fact]
    public async Task ARefusedAction_ShowsTheServersMessageInABox_AndChangesNothing()
    {
        var (session, teachers) = await LiveMeetingAsync("Data dive");
        using var console = await HeadlessConsole.ConnectAsync(Api.BaseAddress, GatewayFixture.AdminKey);
        await console.ScreenShowsAsync("Data dive", "live");
        await console.FilterAsync("data dive");

        // Round keys need an open round, and ending needs a reason: the console says so and sends nothing.
        console.Press(Key.Enter, Key.Tab, new Key('>'));
        await console.ScreenShowsAsync("Members: Data dive", "No breakout round is open.");
        console.Press(new Key('E'));
        await console.ScreenShowsAsync("End Data dive — reason");
        console.Press(Key.Enter);
        await console.ScreenShowsAsync("A reason is required.");
        console.Press(Key.Esc);
        await console.ScreenShowsAsync("Cancelled: End Data dive.");
        Assert.Equal(SessionStatus.Live, console.Store.Session(session.SessionId)!.Status);

        await console.Connection!.EndSessionAsync(session.SessionId, "done elsewhere");
        console.Press(new Key('E'));
        console.Type("again");
        console.Press(Key.Enter);
        await console.ScreenShowsAsync("The server refused", "(Conflict)");
        console.Press(Key.Enter);
        await console.ScreenAsync(screen => !screen.Contains("The server refused"));
        foreach (var teacher in teachers)
        {
            await teacher.DisposeAsync();
        }
    }

    [Fact]
    public async Task ALostLink_IsShownInTheStatusBar_AndTheConsoleCatchesUpByItselfWhenItReturns()
    {
        var (session, teachers) = await LiveMeetingAsync("Link test");
        await using var link = new TcpProxy(Api.BaseAddress);
        using var console = await HeadlessConsole.ConnectAsync(link.Address, GatewayFixture.AdminKey);
        await console.FilterAsync("link test");
        console.Press(Key.Enter, Key.Tab);
        await console.ScreenShowsAsync("Members: Link test", "Teacher 1", "● 127.0.0.1:5000");

        link.Cut();
        await console.ScreenShowsAsync("○ reconnecting to 127.0.0.1:5000");
        await using (var facilitator = new AdminConnection(Api.BaseAddress, GatewayFixture.AdminKey))
        {
            // Meanwhile someone else mutes a teacher: the console must learn it after the link returns.
            await facilitator.StartAsync();
            var teacher = session.Present.Single(p => p.DisplayName == "Teacher 1").MemberId;
            await facilitator.MuteAsync(session.SessionId, teacher, true, "while the console was away");
        }
        link.Restore();

        await console.ScreenShowsAsync("● 127.0.0.1:5000", "MUTED");
        foreach (var teacher in teachers)
        {
            await teacher.DisposeAsync();
        }
    }

    [Fact]
    public async Task AHundredMembersChangingFastAsTheyCan_KeepTheConsoleResponsive()
    {
        var server = new FakeBackend();
        var store = new ConsoleStore();
        var id = Guid.NewGuid();
        store.Load(Boards.Board(Crowd(id, revision: 1, muted: -1)));
        using var console = new HeadlessConsole(store, server, server);
        await console.ScreenShowsAsync("Tuning protocol", "100/100");

        // Far more than 100 members at 10 Hz (the gateway sends at most 4 boards a second per session).
        const int Updates = 3_000;
        var feeding = Task.Run(() =>
        {
            for (var revision = 2; revision <= Updates; revision++)
            {
                var board = Crowd(id, revision, muted: revision % 100);
                console.Ui.Post(() => store.Apply(board));
            }
        });
        console.Press(Key.Enter);
        await console.ScreenShowsAsync("Rooms: Tuning protocol");
        console.Press(Key.Tab);
        await console.ScreenShowsAsync("Members: Tuning protocol");
        await feeding;

        var screen = await console.ScreenAsync(s => store.Session(id)!.Revision == Updates && s.Contains("Member 000"));
        Assert.Contains("MUTED", screen);
        Assert.InRange(console.Renders, 1, Updates / 2);
    }

    private static SessionBoard Crowd(Guid id, long revision, int muted) => Boards.Live(id, revision) with
    {
        Online = 100,
        Expected = 100,
        Members = [.. Enumerable.Range(0, 100).Select(i => new MemberRow(
            new Guid(i, 0, 0, new byte[8]), $"Member {i:000}", MemberRole.Member, Boards.MainRoom, "Main room", true, i == muted, i % 7 == 0))],
    };

    private async Task<(SessionState Session, IReadOnlyList<HubConnection> Teachers)> LiveMeetingAsync(string title)
    {
        var (community, invites) = await Api.CreateCommunityAsync(GatewayFixture.AdminKey);
        var (_, facilitatorToken) = await Api.JoinAsync(ApiClient.Text(invites, "facilitator"), "Ms. Rivera");
        var scheduled = await Api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/sessions", new
        {
            title,
            start = DateTime.UtcNow.Date.AddDays(7).ToString("yyyy-MM-dd") + "T16:00",
            timeZone = "UTC",
            durationMinutes = 60,
            agenda = new object[] { new { title = "Presenting", minutes = 10 }, new { title = "Feedback", minutes = 20 } },
        }, facilitatorToken);
        var id = ApiClient.Text(scheduled, "id");
        await using (var facilitator = await LiveConnection.ConnectAsync(Api.BaseAddress, facilitatorToken))
        {
            await facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.StartSession), id);
            await facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.StartAgenda), id);
        }
        var teachers = new List<HubConnection>();
        SessionState? state = null;
        for (var i = 0; i < 2; i++)
        {
            var (_, token) = await Api.JoinAsync(ApiClient.Text(invites, "member"), $"Teacher {i}");
            var connection = await LiveConnection.ConnectAsync(Api.BaseAddress, token);
            state = await connection.InvokeAsync<SessionState>(nameof(ILiveHub.JoinSession), id);
            teachers.Add(connection);
        }
        return (state!, teachers);
    }
}
