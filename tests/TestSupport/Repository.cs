namespace CopLive.TestSupport;

/// <summary>The checkout the tests run from.</summary>
public static class Repository
{
    /// <summary>The folder holding CopLive.sln, found above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path inside the checkout.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CopLive.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("CopLive.sln not found above the test binaries.");
    }
}
