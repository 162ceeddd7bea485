using System.ComponentModel.DataAnnotations;
using CopLive.Silo.Domain;

namespace CopLive.Silo.Hosting;

/// <summary>Per-member edit rate limits (configuration section <c>Documents</c>).</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>Sustained ops per second one member may submit to one document.</summary>
    [Range(1, 100_000)]
    public double OpsPerSecond { get; set; } = DocumentLimits.OpsPerSecond;

    /// <summary>Ops a member may submit in a burst above the sustained rate.</summary>
    [Range(1, 100_000)]
    public int OpsBurst { get; set; } = DocumentLimits.OpsBurst;
}
