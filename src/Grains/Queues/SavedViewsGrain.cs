using HccOrleans.Grains.Hosting;
using HccOrleans.Grains.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace HccOrleans.Grains.Queues;

[GenerateSerializer, Alias("hcc.SavedViewsState")]
public sealed record SavedViewsState
{
    [Id(0)] public SavedView[] Views { get; init; } = [];
}

[GrainType("saved-views")]
public sealed class SavedViewsGrain(
    [PersistentState("saved-views", "hcc")] IPersistentState<SavedViewsState> state,
    [FromKeyedServices(EngineClock.Key)] TimeProvider clock) : Grain, ISavedViewsGrain
{
    public const int MaxViews = 50;

    public Task<SavedView[]> ListAsync() => Task.FromResult(state.State.Views);

    public async Task<WriteResult<SavedView>> SaveAsync(string name, string queue, string query, string savedBy)
    {
        var errors = new ValidationErrors().Require("name", name, 60).Require("queue", queue, 40).Optional("query", query, 1000);
        var others = state.State.Views.Where(v => !string.Equals(v.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase)).ToArray();
        if (others.Length >= MaxViews)
        {
            errors.Add("name", $"a role keeps at most {MaxViews} views; delete one first.");
        }

        if (!errors.IsEmpty)
        {
            return new(null, Rejection.Validation(errors.ToDictionary()));
        }

        var view = new SavedView(name!.Trim(), queue, query ?? "", savedBy, clock.GetUtcNow());
        await state.ReplaceAsync(new SavedViewsState { Views = [.. others.Append(view).OrderBy(v => v.Name, StringComparer.CurrentCulture)] });
        return new(view, null);
    }

    public async Task DeleteAsync(string name)
    {
        var kept = state.State.Views.Where(v => !string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (kept.Length != state.State.Views.Length)
        {
            await state.ReplaceAsync(new SavedViewsState { Views = kept });
        }
    }
}
