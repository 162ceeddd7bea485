namespace CopLive.Silo.Grains;

/// <summary>Base of grains that change their state in memory and then persist it.</summary>
public abstract class PersistentGrain : Grain
{
    /// <summary>
    /// Writes the state. A failed write leaves memory ahead of storage, so the activation is discarded and
    /// the next call starts again from what storage holds: a refused or failed call never leaves a trace.
    /// </summary>
    protected async Task PersistAsync<TState>(IPersistentState<TState> state)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }
}
