using HccOrleans.Grains.Interfaces.Settings;
using HccOrleans.Grains.Notices;
using HccOrleans.Persistence.Delivery;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace HccOrleans.Silo.Delivery;

/// <summary>The delivery loop and the channels configured (docs/rules/notifications.md; README "Telling the citizen").</summary>
public static class DeliverySetup
{
    public const string HttpClientName = "hcc-delivery";

    public static void AddOutboxDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.BindOnce<DeliveryOptions>(configuration, DeliveryOptions.Section);
        var notifications = services.BindOnce<NotificationOptions>(configuration, NotificationOptions.Section);
        var portal = services.BindOnce<PortalOptions>(configuration, PortalOptions.Section);
        var payments = services.BindOnce<PaymentOptions>(configuration, PaymentOptions.Section);
        services.AddHttpClient(HttpClientName);
        if (notifications.Smtp is { Host: { Length: > 0 } } smtp)
        {
            services.AddSingleton<IMessageChannel>(new SmtpChannel(smtp));
        }

        AddHttp(services, "sms", notifications.Sms?.Endpoint, notifications.Sms?.ApiKey, HttpAdapterChannel.Text);
        AddHttp(services, "zalo", notifications.Zalo?.Endpoint, notifications.Zalo?.ApiKey, HttpAdapterChannel.Text);
        if (portal.Endpoint is { } endpoint)
        {
            AddHttp(services, "portal", Under(endpoint, "notices"), portal.ApiKey, HttpAdapterChannel.Text);
            AddHttp(services, Grains.Interfaces.Model.Destination.PortalSync, Under(endpoint, "dossier-status"), portal.ApiKey, HttpAdapterChannel.Json);
            AddHttp(services, "portal-result", Under(endpoint, "results"), portal.ApiKey, HttpAdapterChannel.Json);
        }

        if (payments.Endpoint is { } platform)
        {
            AddHttp(services, "payment", Under(platform, "orders"), payments.ApiKey, HttpAdapterChannel.Json);
        }

        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<OutboxDelivery>(sp, sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
    }

    private static Uri Under(Uri endpoint, string path) =>
        new(endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/"), path);

    private static void AddHttp(IServiceCollection services, string channel, Uri? endpoint, string? apiKey, Func<OutgoingMessage, HttpContent> body)
    {
        if (endpoint is not null)
        {
            services.AddSingleton<IMessageChannel>(sp =>
                new HttpAdapterChannel(channel, sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), endpoint, apiKey, body));
        }
    }
}
