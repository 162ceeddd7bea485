namespace CopLive.Admin.Tui.ViewModels;

/// <summary>A key that starts an action on some screens: it makes the action, or says why it cannot.</summary>
/// <param name="Key">The key.</param>
/// <param name="Description">What it does, for the <c>?</c> overlay.</param>
/// <param name="Make">The action for the context, or the reason there is none (as a string).</param>
public sealed record ActionKey(char Key, string Description, Func<ActionContext, ActionOffer> Make);

/// <summary>An action, or why there is none.</summary>
public readonly record struct ActionOffer(ModerationAction? Action, string? Problem)
{
    public static implicit operator ActionOffer(ModerationAction action) => new(action, null);

    public static implicit operator ActionOffer(string problem) => new(null, problem);
}
