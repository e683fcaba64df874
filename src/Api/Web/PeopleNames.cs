namespace HccOrleans.Api.Web;

/// <summary>Staff full names for pages and forms, read from the staff directory; a user name it does not know prints as itself.</summary>
public sealed class PeopleNames(IGrainFactory grains)
{
    public async Task<IReadOnlyDictionary<string, Person>> AllAsync() =>
        (await grains.Reference<IPeopleDirectoryGrain>(GrainKeys.People).ListAsync()).ToDictionary(p => p.UserName, StringComparer.Ordinal);

    public Task<Person?> OfAsync(string userName) => grains.Reference<IPeopleDirectoryGrain>(GrainKeys.People).GetAsync(userName);

    public static string NameOf(IReadOnlyDictionary<string, Person> people, string? userName) =>
        userName is not null && people.TryGetValue(userName, out var person) ? person.FullName : userName ?? "";
}
