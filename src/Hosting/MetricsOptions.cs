using System.ComponentModel.DataAnnotations;
using System.Net;

namespace HccOrleans.Hosting;

/// <summary>The <c>Metrics</c> configuration section: who may scrape <c>/metrics</c> without a token.</summary>
public sealed class MetricsOptions : IValidatableObject
{
    public const string Section = "Metrics";

    /// <summary>Networks (CIDR, separated by commas, semicolons or spaces) whose addresses may read <c>/metrics</c>.</summary>
    public string? AllowedNetworks { get; set; }

    public IPNetwork[] Networks() => [.. Entries().Select(IPNetwork.Parse)];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Entries().Where(entry => !IPNetwork.TryParse(entry, out _))
            .Select(entry => new ValidationResult($"'{entry}' is not a network in CIDR form (e.g. 10.0.0.0/8).", [nameof(AllowedNetworks)]));

    private string[] Entries() => (AllowedNetworks ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries);
}
