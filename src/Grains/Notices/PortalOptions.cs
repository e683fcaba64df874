namespace HccOrleans.Grains.Notices;

/// <summary>The <c>Portal</c> configuration section: where status changes go (absent = portal sync off).</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The portal sync adapter's base address; status changes are posted to <c>{Endpoint}/dossier-status</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The adapter's bearer key, if it asks for one.</summary>
    public string? ApiKey { get; set; }

    public bool SyncOn => Endpoint is not null;
}
