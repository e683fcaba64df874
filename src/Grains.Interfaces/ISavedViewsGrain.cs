namespace HccOrleans.Grains.Interfaces;

/// <summary>A named filter of a work queue, shared by everyone of a role.</summary>
[GenerateSerializer, Immutable, Alias("hcc.SavedView")]
public sealed record SavedView(
    [property: Id(0)] string Name,
    [property: Id(1)] string Queue,
    [property: Id(2)] string Query,
    [property: Id(3)] string SavedBy,
    [property: Id(4)] DateTimeOffset SavedAt);

/// <summary>The saved queue views of one role, keyed by <see cref="GrainKeys.SavedViews"/>.</summary>
[Alias("hcc.ISavedViewsGrain")]
public interface ISavedViewsGrain : IGrainWithStringKey
{
    [Alias("List")] Task<SavedView[]> ListAsync();

    /// <summary>Saves the view, replacing one of the same name; refused when the name or query is unusable.</summary>
    [Alias("Save")] Task<Model.WriteResult<SavedView>> SaveAsync(string name, string queue, string query, string savedBy);

    [Alias("Delete")] Task DeleteAsync(string name);
}
