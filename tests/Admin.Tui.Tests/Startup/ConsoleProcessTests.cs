using System.Diagnostics;
using CopLive.GatewayHarness;
using CopLive.TestSupport;

namespace CopLive.Admin.Tui.Tests.Startup;

/// <summary>The console as a process: a wrong address or credential is a plain message and a non-zero exit, before any screen.</summary>
[Collection(SharedGateway.Name)]
public sealed class ConsoleProcessTests(GatewayFixture gateway)
{
    [Fact]
    public async Task UnreachableGateway_ExitsWith4AndSaysWhere()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";

        var (code, error) = await RunAsync(["--url", url], key: "any-key");

        Assert.Equal(4, code);
        Assert.Contains($"Cannot reach a CopLive gateway at {url}/", error);
    }

    [Fact]
    public async Task WrongAdminKey_ExitsWith3_NamingWhereTheCredentialCameFrom()
    {
        var (code, error) = await RunAsync(["--url", gateway.Api.BaseAddress.ToString()], key: "not-the-admin-key");

        Assert.Equal(3, code);
        Assert.Contains("refused the credential from COPLIVE_ADMIN_KEY", error);
        Assert.DoesNotContain("not-the-admin-key", error);
    }

    [Fact]
    public async Task ATeachersToken_ExitsWith3_BecauseTheConsoleIsForFacilitators()
    {
        var (_, invites) = await gateway.Api.CreateCommunityAsync(GatewayFixture.AdminKey);
        var (_, token) = await gateway.Api.JoinAsync(ApiClient.Text(invites, "member"), "Teacher");

        var (code, error) = await RunAsync(["--url", gateway.Api.BaseAddress.ToString(), "--token", token], key: null);

        Assert.Equal(3, code);
        Assert.Contains("refused this console: The console is for facilitators and owners", error);
    }

    [Fact]
    public async Task NoCredential_ExitsWith2_AndShowsUsage()
    {
        var (code, error) = await RunAsync(["--url", "http://127.0.0.1:5000"], key: null);

        Assert.Equal(2, code);
        Assert.Contains("No credential", error);
        Assert.Contains("Usage: dotnet run --project Admin.Tui", error);
    }

    private static async Task<(int Code, string Error)> RunAsync(string[] args, string? key)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CopLive.Admin.Tui.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Remove("COPLIVE_ADMIN_KEY");
        if (key is not null)
        {
            start.Environment["COPLIVE_ADMIN_KEY"] = key;
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(patience.Token);
        return (process.ExitCode, await error + await output);
    }
}
