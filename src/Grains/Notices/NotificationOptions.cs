namespace HccOrleans.Grains.Notices;

/// <summary>
/// The <c>Notifications</c> configuration section: the ways out to the citizen, each absent = that channel off. The
/// delivery loop builds its adapters from it, and the grains write no message for a channel that is off.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public SmtpSettings? Smtp { get; set; }

    /// <summary>The SMS gateway's adapter (an HTTP endpoint taking <c>{id, to, text}</c>).</summary>
    public HttpAdapterSettings? Sms { get; set; }

    /// <summary>The Zalo official account's adapter (an HTTP endpoint taking <c>{id, to, text}</c>).</summary>
    public HttpAdapterSettings? Zalo { get; set; }

    /// <summary>Whether the center can reach the citizen on <paramref name="channel"/> (the portal account through <paramref name="portal"/>).</summary>
    public bool IsOn(NoticeChannel channel, PortalOptions portal) => channel switch
    {
        NoticeChannel.Email => !string.IsNullOrWhiteSpace(Smtp?.Host),
        NoticeChannel.Sms => Sms?.Endpoint is not null,
        NoticeChannel.Zalo => Zalo?.Endpoint is not null,
        NoticeChannel.Portal => portal.SyncOn,
        _ => false,
    };
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary><c>none</c>, <c>starttls</c> or <c>tls</c> (default: STARTTLS when the server offers it).</summary>
    public string Security { get; set; } = "auto";

    /// <summary>The sender's address, e.g. <c>khong-tra-loi@dichvucong.danang.gov.vn</c>.</summary>
    public string Sender { get; set; } = "";

    public string SenderName { get; set; } = "Trung tâm Phục vụ hành chính công";

    public string? UserName { get; set; }

    public string? Password { get; set; }
}

public sealed class HttpAdapterSettings
{
    public Uri? Endpoint { get; set; }

    public string? ApiKey { get; set; }
}
