namespace CopLive.Admin.Tui.Startup;

/// <summary>The command line or environment does not say how to connect; <see cref="Exception.Message"/> says why (null: help was asked for).</summary>
public sealed class ConsoleOptionsException(string? problem) : Exception(problem ?? "Help requested.")
{
    /// <summary>What is wrong, or null when the user asked for help.</summary>
    public string? Problem { get; } = problem;
}
