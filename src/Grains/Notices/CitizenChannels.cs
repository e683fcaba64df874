namespace HccOrleans.Grains.Notices;

/// <summary>
/// Which of the citizen's channels the center has configured, read from the same <c>Notifications</c> and
/// <c>Portal</c> sections the delivery loop's adapters are built from: a message for a channel that is off is not
/// written at all, so no dossier waits behind it and no transition pays for it.
/// </summary>
public sealed class CitizenChannels
{
    public const string Section = "Notifications";

    public Adapter? Smtp { get; set; }

    public Adapter? Sms { get; set; }

    public Adapter? Zalo { get; set; }

    public bool IsOn(NoticeChannel channel, PortalOptions portal) => channel switch
    {
        NoticeChannel.Email => !string.IsNullOrWhiteSpace(Smtp?.Host),
        NoticeChannel.Sms => Sms?.Endpoint is not null,
        NoticeChannel.Zalo => Zalo?.Endpoint is not null,
        NoticeChannel.Portal => portal.SyncOn,
        _ => false,
    };

    /// <summary>The part of an adapter's settings that says it is configured.</summary>
    public sealed class Adapter
    {
        public string? Host { get; set; }

        public Uri? Endpoint { get; set; }
    }
}
