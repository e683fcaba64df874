namespace HccOrleans.Api.Endpoints.Filters;

/// <summary>What is wrong with a filter's fields, by the query-string name the contract gives them.</summary>
public sealed class FilterErrors
{
    private readonly Dictionary<string, string[]> _errors = [];

    public bool IsValid => _errors.Count == 0;

    /// <summary>Records <paramref name="problem"/> for <paramref name="name"/>, if there is one and the field has none yet.</summary>
    public FilterErrors Add(string name, string? problem)
    {
        if (problem is not null)
        {
            _errors.TryAdd(name, [problem]);
        }

        return this;
    }

    public FilterErrors Require(string name, object? value) => value is null ? Add(name, "is required.") : this;

    public Refusal Refusal() =>
        new Rejection(RejectionKind.Invalid, RuleCodes.Validation, "One or more query parameters are invalid.", Errors: _errors).ToRefusal();
}
