using System.ComponentModel.DataAnnotations;
using System.Net;

namespace HccOrleans.Hosting;

/// <summary>The <c>Orleans</c> configuration section shared by silos and API clients, bound once per process.</summary>
public sealed class OrleansSettings : IValidatableObject
{
    public const string Section = "Orleans";

    [Required]
    public string ClusterId { get; set; } = "hcc-dev";

    [Required]
    public string ServiceId { get; set; } = "hcc";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo at (PostgreSQL clustering); loopback by default.</summary>
    public string AdvertisedIPAddress { get; set; } = "127.0.0.1";

    /// <summary>Listen on every interface instead of the advertised address only.</summary>
    public bool ListenOnAnyAddress { get; set; }

    /// <summary>
    /// The Orleans dashboard at <c>/dashboard</c>; unset, on for the in-memory quick start and off on PostgreSQL. It
    /// samples the runtime once a second, walking every activation the silo holds, which lengthens the requests' tail
    /// of a busy silo (docs/decisions/0021): an operator turns it on to look, not to run with.
    /// </summary>
    public bool? Dashboard { get; set; }

    public bool DashboardOn(bool durable) => Dashboard ?? !durable;

    public IPAddress AdvertisedAddress() => IPAddress.Parse(AdvertisedIPAddress);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(AdvertisedIPAddress, out _))
        {
            yield return new($"'{AdvertisedIPAddress}' is not an IP address.", [nameof(AdvertisedIPAddress)]);
        }

        if (SiloPort == GatewayPort)
        {
            yield return new($"the silo and gateway ports must differ (both {SiloPort}).", [nameof(SiloPort), nameof(GatewayPort)]);
        }
    }
}
