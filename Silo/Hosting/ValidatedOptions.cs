using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace CopLive.Silo.Hosting;

/// <summary>Reads an options section and validates it at start-up, so a bad value stops the process with its name.</summary>
public static class ValidatedOptions
{
    /// <summary>Binds <paramref name="section"/> to a new <typeparamref name="T"/> and checks its data annotations.</summary>
    /// <exception cref="InvalidOperationException">A value is missing, malformed or out of range; the message names it.</exception>
    public static T Read<T>(IConfiguration configuration, string section) where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true))
        {
            var details = string.Join("; ", errors.Select(e => $"{section}:{string.Join(",", e.MemberNames)}: {e.ErrorMessage}"));
            throw new InvalidOperationException($"Invalid configuration: {details}");
        }
        return options;
    }
}
