using System.ComponentModel.DataAnnotations;

namespace HccOrleans.Api.Hosting;

/// <summary>The <c>Lookup</c> configuration section: how often one address may use the citizen's anonymous endpoints.</summary>
public sealed class LookupOptions
{
    public const string Section = "Lookup";

    /// <summary>Lookups (and, separately, ratings) one client address may make a minute.</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerMinute { get; set; } = 30;
}
