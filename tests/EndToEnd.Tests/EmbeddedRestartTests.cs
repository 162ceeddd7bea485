using System.Net;
using CopLive.TestSupport;

namespace CopLive.EndToEnd.Tests;

/// <summary>
/// The README's run command as a coordinator uses it: start the gateway on a fresh data folder, set up a
/// community, kill the process, start it again, and find everything still there.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class EmbeddedRestartTests
{
    private static string[] Ports => ["--Orleans:SiloPort", FreePort.Next().ToString(), "--Orleans:GatewayPort", FreePort.Next().ToString()];

    [Fact]
    public async Task EverythingCreatedOverHttp_SurvivesAKillAndRestart()
    {
        using var folder = new TempFolder("coplive-e2e");
        var data = Path.Combine(folder.Path, "data");

        string community, session, facilitatorToken, teacherToken;
        await using (var first = await GatewayAsync(folder.Path))
        {
            Assert.True(File.Exists(Path.Combine(data, "coplive.db")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data, "admin.key")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data, "signing.key")));
            var adminKey = File.ReadAllText(Path.Combine(data, "admin.key"));
            Assert.Contains(Path.Combine(data, "admin.key"), first.Process.Output);
            Assert.DoesNotContain(adminKey, first.Process.Output);

            using var api = new ApiClient(first.Address);
            await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/healthz");
            (community, var invites) = await api.CreateCommunityAsync(adminKey);
            (_, facilitatorToken) = await api.JoinAsync(ApiClient.Text(invites, "facilitator"), "Ms. Rivera", "America/Chicago");
            (_, teacherToken) = await api.JoinAsync(ApiClient.Text(invites, "member"), "Mr. Okafor", "Europe/Paris");
            var start = DateTime.UtcNow.Date.AddDays(14).ToString("yyyy-MM-dd") + "T16:00";
            var scheduled = await api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/sessions",
                new { title = "Weekly PLC", start, timeZone = "America/Chicago", durationMinutes = 60, agenda = new[] { new { title = "Check-in", minutes = 10 } } },
                facilitatorToken);
            session = ApiClient.Text(scheduled, "id");

            await first.Process.KillAsync();
        }

        await using var second = await GatewayAsync(folder.Path);
        using var again = new ApiClient(second.Address);

        var details = await again.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/communities/{community}", bearer: teacherToken);
        var mine = await again.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/me/sessions", bearer: teacherToken);
        var read = await again.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/sessions/{session}", bearer: facilitatorToken);

        Assert.Equal("Grade 4 Math PLC", ApiClient.Text(details, "name"));
        Assert.Equal(["Ms. Rivera", "Mr. Okafor"], details["members"]!.AsArray().Select(m => ApiClient.Text(m!, "displayName")));
        Assert.Equal(session, ApiClient.Text(Assert.Single(mine["sessions"]!.AsArray())!, "id"));
        Assert.Equal("Europe/Paris", ApiClient.Text(mine, "timeZone"));
        Assert.Equal("Weekly PLC", ApiClient.Text(read, "title"));
        Assert.Equal("16:00", ApiClient.Text(read, "startLocal")[11..]);
    }

    private static Task<RunningGateway> GatewayAsync(string workingDirectory) =>
        ProductProcess.StartGatewayAsync(workingDirectory, Ports);
}
