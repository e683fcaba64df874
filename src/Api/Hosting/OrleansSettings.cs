using System.Net;

namespace HccOrleans.Api.Hosting;

/// <summary>The <c>Orleans</c> configuration section shared by silos and API clients.</summary>
public sealed class OrleansSettings
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "hcc-dev";

    public string ServiceId { get; set; } = "hcc";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo at (PostgreSQL clustering); loopback by default.</summary>
    public string AdvertisedIPAddress { get; set; } = "127.0.0.1";

    /// <summary>Listen on every interface instead of the advertised address only.</summary>
    public bool ListenOnAnyAddress { get; set; }

    public IPAddress AdvertisedAddress() => IPAddress.Parse(AdvertisedIPAddress);

    public static OrleansSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<OrleansSettings>() ?? new OrleansSettings();
}
