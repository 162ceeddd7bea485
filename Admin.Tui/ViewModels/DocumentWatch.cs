using CopLive.Client.Admin;
using CopLive.Client.Live;
using CopLive.Collab.Text;
using CopLive.Protocol.Documents;

namespace CopLive.Admin.Tui.ViewModels;

/// <summary>
/// A document followed read-only: the text at the newest version seen, kept current by applying committed ops in
/// version order. Ops already applied are skipped; a gap means something was missed, and the view must reload.
/// </summary>
public sealed class DocumentWatch(WatchedDocument opened)
{
    /// <summary>The document's id.</summary>
    public Guid DocumentId { get; } = opened.DocumentId;

    /// <summary>Its title.</summary>
    public string Title { get; } = opened.Title;

    /// <summary>The text at <see cref="Version"/>.</summary>
    public string Text { get; private set; } = opened.Text;

    /// <summary>The newest version applied.</summary>
    public long Version { get; private set; } = opened.Version;

    /// <summary>Whether edits are refused for everyone.</summary>
    public bool Locked { get; set; } = opened.Locked;

    /// <summary>Who wrote it, most present text first.</summary>
    public IReadOnlyList<Contributor> Contributors { get; set; } = opened.Contributors;

    /// <summary>True when an op was missed: reload the document.</summary>
    public bool NeedsReload { get; private set; }

    /// <summary>Applies committed ops of this document; returns whether the text changed.</summary>
    public bool Apply(DocumentOpsEvent e)
    {
        if (e.DocumentId != DocumentId || NeedsReload)
        {
            return false;
        }
        var changed = false;
        foreach (var op in e.Ops.OrderBy(o => o.Version))
        {
            if (op.Version <= Version)
            {
                continue;
            }
            if (op.Version != Version + 1)
            {
                NeedsReload = true;
                return changed;
            }
            Text = TextType.Apply(Text, op.Op);
            Version = op.Version;
            changed = true;
        }
        return changed;
    }

    /// <summary>One line naming the contributors: <c>Ana 120 · Ben 40</c> (code points present).</summary>
    public string ContributorLine() =>
        Contributors.Count == 0 ? "No contributions yet." : string.Join(" · ", Contributors.Select(c => $"{c.Name} {c.Present}"));
}
