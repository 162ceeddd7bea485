using System.ComponentModel.DataAnnotations;

namespace CopLive.Gateway.Auth;

/// <summary>Credentials settings (configuration section <c>Auth</c>). Keys given here replace the files in the data folder.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Base64 HMAC key that signs member tokens (at least 32 bytes once decoded).</summary>
    public string? SigningKey { get; set; }

    /// <summary>The administrator's key (at least 24 characters).</summary>
    [MinLength(24, ErrorMessage = "Auth:AdminKey must be at least 24 characters.")]
    public string? AdminKey { get; set; }

    /// <summary>How long a member token stays valid.</summary>
    [Range(1, 365, ErrorMessage = "Auth:TokenLifetimeDays must be between 1 and 365.")]
    public int TokenLifetimeDays { get; set; } = 30;
}
