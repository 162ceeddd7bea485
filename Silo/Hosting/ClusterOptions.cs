using System.ComponentModel.DataAnnotations;

namespace CopLive.Silo.Hosting;

/// <summary>How this process takes part in the Orleans cluster (configuration section <c>Orleans</c>).</summary>
public sealed class CopLiveClusterOptions
{
    public const string Section = "Orleans";

    /// <summary>Groups silos and clients into one cluster; silos with different ids never meet.</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]{1,100}$", ErrorMessage = "Orleans:ClusterId must be 1-100 letters, digits, '.', '_' or '-'.")]
    public string ClusterId { get; set; } = "coplive";

    /// <summary>Names the service in storage; keep it stable for the life of the data.</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]{1,100}$", ErrorMessage = "Orleans:ServiceId must be 1-100 letters, digits, '.', '_' or '-'.")]
    public string ServiceId { get; set; } = "coplive";

    /// <summary>Port for silo-to-silo traffic.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port on which a silo accepts Orleans clients (gateways in client mode).</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Address other silos and clients use to reach this silo (PostgreSQL clustering only).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";
}
