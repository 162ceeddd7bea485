using Microsoft.Extensions.Configuration;

namespace CopLive.Silo.Hosting;

/// <summary>The folder holding the SQLite database and the keys (configuration key <c>Data</c>, or <c>--data</c>).</summary>
public static class DataFolder
{
    public const string Key = "Data";
    private const string Default = "data";

    /// <summary>The absolute path of the data folder; relative paths are taken from the working directory.</summary>
    public static string Resolve(IConfiguration configuration)
    {
        var configured = configuration[Key];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Default : configured);
    }
}
