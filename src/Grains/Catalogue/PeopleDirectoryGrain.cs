using System.Text.RegularExpressions;
using HccOrleans.Grains.Hosting;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Catalogue;

[GenerateSerializer, Alias("hcc.PeopleDirectoryState")]
public sealed record PeopleDirectoryState
{
    [Id(0)] public Dictionary<string, Person> People { get; init; } = [];
}

/// <summary>The staff directory: one entry per user name, changed by the administrator, never deleted (a leaver is inactive).</summary>
[GrainType("people-directory")]
public sealed partial class PeopleDirectoryGrain(
    [PersistentState("people", "hcc")] IPersistentState<PeopleDirectoryState> state) : Grain, IPeopleDirectoryGrain
{
    public async Task<WriteResult<Person>> PutAsync(Person person)
    {
        var errors = Validate(person);
        if (!errors.IsEmpty)
        {
            return new(null, Rejection.Validation(errors.ToDictionary()));
        }

        if (person.Unit.Length > 0 && await GrainFactory.Reference<IUnitDirectoryGrain>(GrainKeys.Units).GetAsync(person.Unit) is null)
        {
            return new(null, new Rejection(RejectionKind.RuleRefused, RuleCodes.UnitNotFound, $"No unit has code '{person.Unit}'; enter it first.",
                Errors: new() { ["unit"] = [$"'{person.Unit}' is not a unit."] }));
        }

        var entry = person with { Roles = [.. person.Roles.Distinct().Order()] };
        if (state.State.People.TryGetValue(entry.UserName, out var known) && known with { Roles = entry.Roles } == entry && known.Roles.SequenceEqual(entry.Roles))
        {
            return new(known, null);
        }

        await state.ReplaceAsync(new PeopleDirectoryState { People = new(state.State.People) { [entry.UserName] = entry } });
        return new(entry, null);
    }

    public Task<Person?> GetAsync(string userName) => Task.FromResult(state.State.People.GetValueOrDefault(userName));

    public Task<Person[]> ListAsync() =>
        Task.FromResult(state.State.People.Values.OrderBy(p => p.UserName, StringComparer.Ordinal).ToArray());

    private static ValidationErrors Validate(Person? person)
    {
        var errors = new ValidationErrors();
        if (person is null)
        {
            return errors.Add("body", "is required.");
        }

        // Directors and administrators act for the whole province: the first administrator exists before any unit does.
        errors.Require("fullName", person.FullName, 200).Optional("title", person.Title, 200);
        if (person.Roles?.All(r => r is Role.Director or Role.Admin) == true)
        {
            errors.Optional("unit", person.Unit, 64);
        }
        else
        {
            errors.Require("unit", person.Unit, 64);
        }

        if (!UserNamePattern().IsMatch(person.UserName ?? ""))
        {
            errors.Add("userName", "must be 1 to 64 letters, digits, dots, dashes or underscores.");
        }

        if (person.Roles is not { Length: > 0 } roles || roles.Any(r => !Enum.IsDefined(r) || r == Role.System))
        {
            errors.Add("roles", $"must name one or more of: {string.Join(", ", Enum.GetValues<Role>().Where(r => r != Role.System).Select(r => EnumWords.Of(r)))}.");
        }

        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex UserNamePattern();
}
