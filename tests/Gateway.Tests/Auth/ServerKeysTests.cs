using CopLive.Gateway.Auth;
using CopLive.TestSupport;

namespace CopLive.Gateway.Tests.Auth;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ServerKeysTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public void FirstLoad_CreatesOwnerOnlyKeyFiles_AndSecondLoadReusesThem()
    {
        using var folder = new TempFolder();
        var data = Path.Combine(folder.Path, "data");

        var first = ServerKeys.Load(new AuthOptions(), data);
        var second = ServerKeys.Load(new AuthOptions(), data);

        var adminKey = File.ReadAllText(Path.Combine(data, "admin.key"));
        Assert.Equal(Path.Combine(data, "admin.key"), first.AdminKeyFile);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Path.Combine(data, "admin.key")));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Path.Combine(data, "signing.key")));
        Assert.True(adminKey.Length >= 32);
        Assert.True(second.IsAdminKey(adminKey));
        Assert.Equal(first.SigningKey, second.SigningKey);
        Assert.True(first.SigningKey.Length >= 32);
    }

    [Fact]
    public void Load_TightensAKeyFileOthersCouldRead()
    {
        using var folder = new TempFolder();
        ServerKeys.Load(new AuthOptions(), folder.Path);
        var file = Path.Combine(folder.Path, "admin.key");
        File.SetUnixFileMode(file, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        ServerKeys.Load(new AuthOptions(), folder.Path);

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(file));
    }

    [Fact]
    public void ConfiguredKeys_ReplaceTheFiles()
    {
        using var folder = new TempFolder();
        var signing = Convert.ToBase64String(new byte[48]);

        var keys = ServerKeys.Load(new AuthOptions { AdminKey = "configured-admin-key-000000", SigningKey = signing }, folder.Path);

        Assert.Null(keys.AdminKeyFile);
        Assert.True(keys.IsAdminKey("configured-admin-key-000000"));
        Assert.False(keys.IsAdminKey("configured-admin-key-000001"));
        Assert.False(File.Exists(Path.Combine(folder.Path, "admin.key")));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void BadSigningKey_StopsStartWithItsName(string signing)
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<InvalidOperationException>(() => ServerKeys.Load(new AuthOptions { SigningKey = signing }, folder.Path));

        Assert.Contains("Auth:SigningKey", error.Message);
    }
}
