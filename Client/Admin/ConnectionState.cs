namespace CopLive.Client.Admin;

/// <summary>The state of a console's link to its gateway.</summary>
public enum ConnectionState
{
    /// <summary>Connected; after a reconnect the board must be opened again.</summary>
    Connected,

    /// <summary>The link dropped; the connection is retrying.</summary>
    Reconnecting,

    /// <summary>Closed for good.</summary>
    Closed,
}
