using HccOrleans.Grains.Notices;
using HccOrleans.Persistence.Delivery;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace HccOrleans.Silo.Delivery;

/// <summary>Email through the center's SMTP server (MailKit): plain text in UTF-8, one connection per message.</summary>
public sealed class SmtpChannel(SmtpSettings settings) : IMessageChannel
{
    public string Channel => "email";

    public async Task DeliverAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        using var email = new MimeMessage();
        email.From.Add(new MailboxAddress(settings.SenderName, settings.Sender));
        if (!MailboxAddress.TryParse(message.Address, out var to))
        {
            throw new DeliveryRefusedException("Địa chỉ thư điện tử không hợp lệ.");
        }

        email.To.Add(to);
        email.Subject = message.Subject;
        email.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();
        email.Headers.Add("X-Hcc-Message", message.Id);
        email.Body = new TextPart("plain") { Text = message.Body };

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host!, settings.Port, SecurityOf(settings.Security), cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }

        try
        {
            await client.SendAsync(email, cancellationToken);
        }
        catch (SmtpCommandException exception)
        {
            throw new DeliveryRefusedException($"Máy chủ thư từ chối ({(int)exception.StatusCode}).");
        }

        await client.DisconnectAsync(true, cancellationToken);
    }

    private static SecureSocketOptions SecurityOf(string word) => word switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "tls" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
