namespace CopLive.Admin.Tui.Startup;

/// <summary>Where the console connects and with which credential, read from the command line and environment.</summary>
/// <param name="Gateways">The gateways' base addresses: the console uses the first that answers, and another when it is lost.</param>
/// <param name="Credential">The admin key or a facilitator's member token.</param>
/// <param name="CredentialSource">Where the credential came from, for messages (never the credential itself).</param>
public sealed record ConsoleOptions(IReadOnlyList<Uri> Gateways, string Credential, string CredentialSource)
{
    /// <summary>The first gateway, as messages name it.</summary>
    public Uri Gateway => Gateways[0];

    /// <summary>The environment variable that may hold the admin key.</summary>
    public const string AdminKeyVariable = "COPLIVE_ADMIN_KEY";

    /// <summary>The gateway the console talks to when no <c>--url</c> is given (the README's run command).</summary>
    public static readonly Uri DefaultGateway = new("http://127.0.0.1:5000");

    /// <summary>How to call the console.</summary>
    public const string Usage = """
        Usage: dotnet run --project Admin.Tui -- [--url URL]... (--key-file PATH | --token TOKEN)

          --url URL        the gateway (default http://127.0.0.1:5000); repeat it for each gateway of a cluster
          --key-file PATH  the admin key file the gateway printed at start (data/admin.key)
          --token TOKEN    a facilitator's or owner's member token: the console then shows their communities only
          COPLIVE_ADMIN_KEY  the admin key, when neither option is given
        """;

    /// <summary>Reads the options; throws <see cref="ConsoleOptionsException"/> naming what is wrong.</summary>
    public static ConsoleOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment, Func<string, string> readFile)
    {
        var urls = new List<Uri>();
        string? keyFile = null, token = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            switch (name)
            {
                case "--url":
                    urls.Add(ParseUrl(Value(args, ref i, name)));
                    break;
                case "--key-file":
                    keyFile = Value(args, ref i, name);
                    break;
                case "--token":
                    token = Value(args, ref i, name);
                    break;
                case "-h" or "--help":
                    throw new ConsoleOptionsException(null);
                default:
                    throw new ConsoleOptionsException($"Unknown option '{name}'.");
            }
        }

        IReadOnlyList<Uri> gateway = urls.Count == 0 ? [DefaultGateway] : urls;
        if (keyFile is not null && token is not null)
        {
            throw new ConsoleOptionsException("Give either --key-file or --token, not both.");
        }
        if (token is not null)
        {
            return new ConsoleOptions(gateway, NonBlank(token, "--token"), "--token");
        }
        if (keyFile is not null)
        {
            string key;
            try
            {
                key = readFile(keyFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ConsoleOptionsException($"Cannot read the key file '{keyFile}': {e.Message}");
            }
            return new ConsoleOptions(gateway, NonBlank(key.Trim(), $"the key file '{keyFile}'"), keyFile);
        }
        if (environment(AdminKeyVariable) is { } fromEnvironment)
        {
            return new ConsoleOptions(gateway, NonBlank(fromEnvironment.Trim(), AdminKeyVariable), AdminKeyVariable);
        }
        throw new ConsoleOptionsException($"No credential: pass --key-file (the gateway prints where its admin key is), set {AdminKeyVariable}, or pass --token.");
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string name) =>
        ++i < args.Count && !args[i].StartsWith("--", StringComparison.Ordinal)
            ? args[i]
            : throw new ConsoleOptionsException($"'{name}' needs a value.");

    private static Uri ParseUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            ? uri
            : throw new ConsoleOptionsException($"'--url' must be an http:// or https:// address; '{url}' is not.");

    private static string NonBlank(string value, string source) =>
        string.IsNullOrWhiteSpace(value) ? throw new ConsoleOptionsException($"The credential from {source} is empty.") : value;
}
