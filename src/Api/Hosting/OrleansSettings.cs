namespace HccOrleans.Api.Hosting;

/// <summary>The <c>Orleans</c> configuration section shared by silos and API clients.</summary>
public sealed class OrleansSettings
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "hcc-dev";

    public string ServiceId { get; set; } = "hcc";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    public static OrleansSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<OrleansSettings>() ?? new OrleansSettings();
}
