namespace CopLive.Admin.Tui.ViewModels;

/// <summary>What the prompt line at the bottom is asking for.</summary>
public enum PromptKind
{
    /// <summary>The prompt line is hidden.</summary>
    None,

    /// <summary>Text to filter the table by (<c>/</c>).</summary>
    Filter,

    /// <summary>A screen to jump to (<c>:</c>).</summary>
    Jump,

    /// <summary>A reason, message, room or yes/no for an action.</summary>
    Action,
}
