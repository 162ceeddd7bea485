using System.Net;
using CopLive.Client.Live;
using CopLive.Collab.Text;
using CopLive.Protocol.Hubs;
using CopLive.Protocol.Sessions;
using CopLive.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.EndToEnd.Tests;

/// <summary>
/// A live meeting set up through a gateway as its people would: a community, a facilitator who schedules and starts
/// the session (and its agenda, when it has one), members who join it, and on request a breakout round in which each
/// member writes a line of notes.
/// </summary>
internal sealed class Meeting : IAsyncDisposable
{
    private Meeting(string session, string facilitatorToken, Guid plan, HubConnection facilitator, IReadOnlyList<Participant> members) =>
        (Session, FacilitatorToken, Plan, Facilitator, Members) = (session, facilitatorToken, plan, facilitator, members);

    public string Session { get; }

    public string FacilitatorToken { get; }

    /// <summary>The session's lesson plan, where a closed round's notes go.</summary>
    public Guid Plan { get; }

    public HubConnection Facilitator { get; }

    public IReadOnlyList<Participant> Members { get; }

    /// <summary>Starts a meeting of <paramref name="members"/> members (Teacher 0, 1, …) with <paramref name="agenda"/> (title, minutes).</summary>
    public static async Task<Meeting> StartAsync(ApiClient api, Uri gateway, string adminKey, int members, params (string Title, int Minutes)[] agenda)
    {
        var (community, invites) = await api.CreateCommunityAsync(adminKey);
        var (_, facilitatorToken) = await api.JoinAsync(ApiClient.Text(invites, "facilitator"), "Ms. Rivera");
        var start = DateTime.UtcNow.Date.AddDays(7).ToString("yyyy-MM-dd") + "T16:00";
        var session = ApiClient.Text(await api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/sessions",
            new { title = "Lesson study", start, timeZone = "UTC", durationMinutes = 60, agenda = agenda.Select(a => new { title = a.Title, minutes = a.Minutes }) },
            facilitatorToken), "id");

        var facilitator = await LiveConnection.ConnectAsync(gateway, facilitatorToken);
        var plan = (await facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.StartSession), session)).MainDocumentId;
        if (agenda.Length > 0)
        {
            await facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.StartAgenda), session);
        }
        var participants = new List<Participant>();
        for (var i = 0; i < members; i++)
        {
            var (id, token) = await api.JoinAsync(ApiClient.Text(invites, "member"), $"Teacher {i}");
            var connection = await LiveConnection.ConnectAsync(gateway, token);
            await connection.InvokeAsync<SessionState>(nameof(ILiveHub.JoinSession), session);
            participants.Add(new Participant(Guid.Parse(id), $"Teacher {i}", token, connection));
        }
        return new Meeting(session, facilitatorToken, plan, facilitator, participants);
    }

    /// <summary>The facilitator opens a round of two rooms, members placed automatically.</summary>
    public async Task<BreakoutState> OpenRoundAsync(int minutes) =>
        (await Facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.OpenBreakouts), Session, new { rooms = 2, assignment = "auto", minutes })).Breakout!;

    /// <summary>Each member appends <paramref name="line"/> to their room's notes, acknowledged; returns each member's line.</summary>
    public async Task<Dictionary<Guid, string>> WriteNotesAsync(BreakoutState round, Func<Participant, string> line)
    {
        var lines = new Dictionary<Guid, string>();
        foreach (var member in Members)
        {
            await using var notes = await SharedDocument.OpenAsync(member.Connection, round.Rooms.Single(r => r.Members.Contains(member.Id)).NotesDocumentId);
            var written = line(member);
            notes.Edit(TextOp.At(CodePoints.Count(notes.Text), OpComponent.Insert(written)));
            await notes.SettleAsync(TimeSpan.FromSeconds(30));
            lines[member.Id] = written;
        }
        return lines;
    }

    /// <summary>The plan's text once every room of <paramref name="round"/> has been merged into it.</summary>
    public static Task<string> MergedPlanAsync(ApiClient reader, Guid plan, string bearer, BreakoutState round, string never) =>
        Patiently.ReadAsync(async () =>
        {
            var text = ApiClient.Text(await reader.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{plan}", bearer: bearer), "text");
            return round.Rooms.All(r => text.Contains($"## {r.Name}: notes by ", StringComparison.Ordinal)) ? text : null;
        }, never);

    /// <summary>Asserts that each line is in <paramref name="text"/> exactly once.</summary>
    public static void AssertEachOnce(string text, IEnumerable<string> lines)
    {
        var all = lines.ToList();
        Assert.NotEmpty(all);
        Assert.All(all, line => Assert.Equal(1, (text.Length - text.Replace(line, "", StringComparison.Ordinal).Length) / line.Length));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in Members.Select(m => m.Connection).Append(Facilitator))
        {
            await AfterCrash.DisposeAsync(connection);
        }
    }

    /// <summary>A member in the meeting.</summary>
    public sealed record Participant(Guid Id, string Name, string Token, HubConnection Connection);
}
