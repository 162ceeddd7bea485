namespace CopLive.Admin.Tui.ViewModels;

/// <summary>Where the console is: a screen and what it is about.</summary>
/// <param name="Screen">The screen.</param>
/// <param name="Community">The community the Sessions screen is narrowed to, if any.</param>
/// <param name="Session">The session of the Rooms and Members screens.</param>
/// <param name="Document">The document of the Document screen.</param>
/// <param name="Title">What the screen shows, for the breadcrumb.</param>
public sealed record Route(Screen Screen, Guid? Community = null, Guid? Session = null, Guid? Document = null, string? Title = null);
