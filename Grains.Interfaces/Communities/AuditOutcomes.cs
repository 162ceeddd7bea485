namespace CopLive.Grains.Communities;

/// <summary>How an audited call ended.</summary>
public static class AuditOutcomes
{
    /// <summary>It took effect.</summary>
    public const string Done = "done";

    /// <summary>It was refused by a rights check and changed nothing.</summary>
    public const string Refused = "refused";
}
