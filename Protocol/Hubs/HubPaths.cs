namespace CopLive.Protocol.Hubs;

/// <summary>Where a gateway serves its hubs.</summary>
public static class HubPaths
{
    /// <summary>The participants' hub (<see cref="ILiveHub"/>).</summary>
    public const string Live = "/hubs/live";

    /// <summary>The moderators' console hub (<see cref="IAdminHub"/>).</summary>
    public const string Admin = "/hubs/admin";
}
