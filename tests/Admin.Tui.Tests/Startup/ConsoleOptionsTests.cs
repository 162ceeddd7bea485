using CopLive.Admin.Tui.Startup;

namespace CopLive.Admin.Tui.Tests.Startup;

/// <summary>How the console finds its gateway and credential, and what it says when it cannot.</summary>
public sealed class ConsoleOptionsTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void KeyFile_IsReadAndTrimmed_AndTheDefaultGatewayIsTheReadmes()
    {
        var options = ConsoleOptions.Parse(["--key-file", "data/admin.key"], NoEnvironment, path => path == "data/admin.key" ? "secret-key\n" : throw new FileNotFoundException());

        Assert.Equal(new Uri("http://127.0.0.1:5000"), options.Gateway);
        Assert.Equal("secret-key", options.Credential);
        Assert.Equal("data/admin.key", options.CredentialSource);
    }

    [Fact]
    public void Token_AndUrl_AreTaken_AndTheEnvironmentKeyIsTheFallback()
    {
        var withToken = ConsoleOptions.Parse(["--url", "https://plc.example.org", "--token", "eyJ.abc.def"], _ => "env-key", _ => "");
        var fromEnvironment = ConsoleOptions.Parse([], name => name == ConsoleOptions.AdminKeyVariable ? " env-key " : null, _ => "");

        Assert.Equal(new Uri("https://plc.example.org"), withToken.Gateway);
        Assert.Equal("eyJ.abc.def", withToken.Credential);
        Assert.Equal("env-key", fromEnvironment.Credential);
        Assert.Equal(ConsoleOptions.AdminKeyVariable, fromEnvironment.CredentialSource);
    }

    [Fact]
    public void EveryUrl_IsAGatewayOfTheCluster_InTheOrderGiven()
    {
        var options = ConsoleOptions.Parse(["--url", "http://10.0.0.5:5000", "--url", "http://10.0.0.6:5000", "--token", "t"], NoEnvironment, _ => "");

        Assert.Equal([new Uri("http://10.0.0.5:5000"), new Uri("http://10.0.0.6:5000")], options.Gateways);
        Assert.Equal(new Uri("http://10.0.0.5:5000"), options.Gateway);
    }

    [Theory]
    [InlineData(new string[0], "No credential")]
    [InlineData(new[] { "--url", "ftp://host", "--token", "t" }, "'--url' must be an http:// or https:// address")]
    [InlineData(new[] { "--url" }, "'--url' needs a value")]
    [InlineData(new[] { "--token", "t", "--key-file", "k" }, "not both")]
    [InlineData(new[] { "--tokn", "t" }, "Unknown option '--tokn'")]
    [InlineData(new[] { "--key-file", "missing.key" }, "Cannot read the key file 'missing.key'")]
    [InlineData(new[] { "--key-file", "empty.key" }, "is empty")]
    public void BadInput_IsRefusedNamingTheProblem(string[] args, string expected)
    {
        var error = Assert.Throws<ConsoleOptionsException>(() => ConsoleOptions.Parse(args, NoEnvironment,
            path => path == "empty.key" ? "  \n" : throw new FileNotFoundException("Could not find file.", path)));

        Assert.Contains(expected, error.Problem);
    }

    [Fact]
    public void Help_IsNotAProblem()
    {
        var help = Assert.Throws<ConsoleOptionsException>(() => ConsoleOptions.Parse(["--help"], NoEnvironment, _ => ""));

        Assert.Null(help.Problem);
    }
}
