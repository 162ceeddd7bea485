namespace CopLive.Silo.Storage.Sqlite;

/// <summary>A row of <c>GrainState</c>: the service, the grain's named state, and the grain.</summary>
internal readonly record struct StateKey(string ServiceId, string StateName, string GrainId);
