using CopLive.Client.Admin;
using CopLive.Protocol.Moderation;

namespace CopLive.Admin.Tui.ViewModels;

/// <summary>What an action key acts on: the screen, its session (if any), the selected row and the watched document.</summary>
public sealed record ActionContext(Route Route, SessionBoard? Session, TableRow? Selected, DocumentWatch? Document);
