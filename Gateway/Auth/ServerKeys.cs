using System.Security.Cryptography;

namespace CopLive.Gateway.Auth;

/// <summary>
/// The server's two secrets: the key that signs member tokens and the administrator's key. Unless configured,
/// both are created on first start as files readable by the owner only (0600) in the data folder.
/// Their values are never logged.
/// </summary>
public sealed class ServerKeys
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly byte[] _adminKeyHash;

    private ServerKeys(byte[] signingKey, string adminKey, string? adminKeyFile)
    {
        SigningKey = signingKey;
        _adminKeyHash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(adminKey));
        AdminKeyFile = adminKeyFile;
    }

    /// <summary>HMAC-SHA256 key for member tokens.</summary>
    public byte[] SigningKey { get; }

    /// <summary>Where the admin key is stored, or null when it came from configuration.</summary>
    public string? AdminKeyFile { get; }

    /// <summary>Whether <paramref name="presented"/> is the admin key; takes the same time whatever it is.</summary>
    public bool IsAdminKey(string presented) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(presented)), _adminKeyHash);

    /// <summary>Loads the keys from configuration or from <paramref name="dataFolder"/>, creating missing files.</summary>
    public static ServerKeys Load(AuthOptions options, string dataFolder)
    {
        byte[] signingKey;
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            signingKey = DecodeSigningKey(options.SigningKey);
        }
        else
        {
            EnsureFolder(dataFolder);
            signingKey = DecodeSigningKey(ReadOrCreate(Path.Combine(dataFolder, "signing.key"), () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(64))));
        }

        if (!string.IsNullOrWhiteSpace(options.AdminKey))
        {
            return new ServerKeys(signingKey, options.AdminKey, adminKeyFile: null);
        }

        EnsureFolder(dataFolder);
        var file = Path.Combine(dataFolder, "admin.key");
        var adminKey = ReadOrCreate(file, () => Base64Url(RandomNumberGenerator.GetBytes(32)));
        return new ServerKeys(signingKey, adminKey, file);
    }

    private static byte[] DecodeSigningKey(string base64)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Invalid configuration: Auth:SigningKey (or signing.key) must be base64.");
        }
        return key.Length >= 32
            ? key
            : throw new InvalidOperationException("Invalid configuration: Auth:SigningKey (or signing.key) must decode to at least 32 bytes.");
    }

    private static string ReadOrCreate(string path, Func<string> create)
    {
        if (!File.Exists(path))
        {
            try
            {
                var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    fileOptions.UnixCreateMode = OwnerOnly;
                }
                using var stream = new FileStream(path, fileOptions);
                using var writer = new StreamWriter(stream);
                writer.Write(create());
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; use theirs.
            }
        }
        else if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }

        var value = File.ReadAllText(path).Trim();
        return value.Length > 0 ? value : throw new InvalidOperationException($"The key file {path} is empty; delete it to have a new key made.");
    }

    private static void EnsureFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
