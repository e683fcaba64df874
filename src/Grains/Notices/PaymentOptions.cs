namespace HccOrleans.Grains.Notices;

/// <summary>The <c>Payments</c> configuration section: the payment platform's adapter (absent = no online payment orders).</summary>
public sealed class PaymentOptions
{
    public const string Section = "Payments";

    /// <summary>The adapter's base address; a payment request is posted to <c>{Endpoint}/orders</c>.</summary>
    public Uri? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>
    /// The platform's page where a citizen pays a dossier's open order, with <c>{code}</c> for the dossier's code as the
    /// order carries it (official, else the registration number): the lookup links to it while a fee is owed. Unset: the
    /// lookup says where to pay at the counter only.
    /// </summary>
    public string? PayUrl { get; set; }

    /// <summary>The page that pays dossier <paramref name="code"/>'s order, when orders go to a platform that has one.</summary>
    public string? PayPageOf(string code) => OrdersOn && !string.IsNullOrWhiteSpace(PayUrl)
        ? PayUrl.Replace("{code}", Uri.EscapeDataString(code), StringComparison.Ordinal)
        : null;

    public bool OrdersOn => Endpoint is not null;
}
