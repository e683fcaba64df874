namespace HccOrleans.Silo.Delivery;

/// <summary>The <c>Notifications</c> configuration section: the ways out to the citizen (each absent = that channel off, said in the log).</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public SmtpSettings? Smtp { get; set; }

    /// <summary>The SMS gateway's adapter (an HTTP endpoint taking <c>{id, to, text}</c>).</summary>
    public HttpAdapterSettings? Sms { get; set; }

    /// <summary>The Zalo official account's adapter (an HTTP endpoint taking <c>{id, to, text}</c>).</summary>
    public HttpAdapterSettings? Zalo { get; set; }
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
