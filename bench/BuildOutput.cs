namespace CopLive.Bench;

/// <summary>The CopLive programs the benchmarks start, from the build output beside the benchmark's own.</summary>
internal static class BuildOutput
{
    /// <summary>The entry assembly of <paramref name="project"/>, built in the benchmark's own configuration.</summary>
    public static string Find(string project, string dll)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, project, "bin", configuration, "net10.0", dll);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"Build {project} ({configuration}) first, or pass --server <path to {dll}>.");
    }
}
