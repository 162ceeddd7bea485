using System.ComponentModel.DataAnnotations;

namespace CopLive.Gateway.Cluster;

/// <summary>
/// The public addresses of the cluster's gateways (configuration section <c>Gateways</c>). The browser page learns
/// them from any gateway and, when its gateway is lost, reconnects through another; each gateway lets pages served
/// by the others call it (CORS). Empty (the default): the page only knows the gateway that served it, as behind a
/// load balancer that is the one address.
/// </summary>
public sealed class GatewayAddresses : IValidatableObject
{
    public const string Section = "Gateways";

    /// <summary>Base addresses, e.g. <c>https://coplive-a.district.org</c>: scheme, host and port, no path.</summary>
    public string[] Addresses { get; set; } = [];

    /// <summary>The addresses as origins (<c>scheme://host:port</c>), the form browsers and CORS compare.</summary>
    public IReadOnlyList<string> Origins => [.. Addresses.Select(a => new Uri(a).GetLeftPart(UriPartial.Authority))];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var address in Addresses)
        {
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                yield return new ValidationResult($"'{address}' is not an http or https address.", [nameof(Addresses)]);
            }
            else if (uri.AbsolutePath != "/" || uri.Query.Length > 0)
            {
                yield return new ValidationResult($"'{address}' has a path; give the gateway's base address only (scheme, host, port).", [nameof(Addresses)]);
            }
        }
    }
}
