using CopLive.Grains.Security;

namespace CopLive.Silo.Access;

/// <summary>Where refused privileged calls are recorded: their community's audit log.</summary>
public interface IRefusalLog
{
    /// <summary>Records that <paramref name="caller"/> attempted <paramref name="attempt"/> and was refused.</summary>
    Task RefusedAsync(Caller caller, Attempt attempt);
}
