namespace HccOrleans.Grains.Notices;

/// <summary>The <c>Payments</c> configuration section: the payment platform's adapter (absent = no online payment orders).</summary>
public sealed class PaymentOptions
{
    public const string Section = "Payments";

    /// <summary>The adapter's base address; a payment request is posted to <c>{Endpoint}/orders</c>.</summary>
    public Uri? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    public bool OrdersOn => Endpoint is not null;
}
