namespace HccOrleans.Grains.Hosting;

public static class PersistentStateExtensions
{
    /// <summary>
    /// Writes <paramref name="next"/> as the new state; if the write fails the previous state is put back,
    /// so a failed request leaves the activation exactly as it was.
    /// </summary>
    public static async Task ReplaceAsync<T>(this IPersistentState<T> state, T next)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            throw;
        }
    }
}
