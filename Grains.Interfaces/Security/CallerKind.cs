namespace CopLive.Grains.Security;

/// <summary>Who is calling, as established by a gateway's authentication.</summary>
[GenerateSerializer, Alias("coplive.CallerKind")]
public enum CallerKind
{
    /// <summary>A member presenting a member token.</summary>
    Member = 0,

    /// <summary>The server's administrator, presenting the admin key.</summary>
    Admin = 1,
}
