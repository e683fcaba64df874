using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using HccOrleans.Api.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HccOrleans.Tests.Operate;

/// <summary>
/// One request of the hostile corpus (<c>Operate/Hostile/*.req</c>): a request line, headers, a blank line and the
/// body. Placeholders keep the files small and the tokens fresh:
/// <list type="bullet">
/// <item><c>Authorization: @token role agency</c> (agency <c>-</c> for none) is a valid token; <c>@forged</c>,
/// <c>@expired</c>, <c>@alg-none</c>, <c>@wrong-audience</c>, <c>@wrong-issuer</c>, <c>@garbage</c>, <c>@empty</c> are not.</item>
/// <item><c>Idempotency-Key: @key</c> is a fresh key.</item>
/// <item><c>{canary}</c> and <c>{canary-homoglyph}</c> (its code with Cyrillic look-alikes), <c>{big:N}</c> and
/// <c>{bigurl:N}</c> (N letters), <c>{deep:N}</c> (N nested arrays), <c>{deepobj:N}</c> (N nested objects),
/// <c>{repeat:N:text}</c> (text N times, comma-separated).</item>
/// </list>
/// </summary>
public sealed partial record HostileRequest(string Name, string Method, string Path, IReadOnlyList<(string Name, string Value)> Headers, string? Body)
{
    public static string Directory => System.IO.Path.Combine(AppContext.BaseDirectory, "Operate", "Hostile");

    public static IEnumerable<HostileRequest> All() =>
        System.IO.Directory.GetFiles(Directory, "*.req").Order(StringComparer.Ordinal).Select(Parse);

    public static HostileRequest Parse(string file)
    {
        var text = File.ReadAllText(file, Encoding.UTF8);
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = (split < 0 ? text : text[..split]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var body = split < 0 ? null : text[(split + 2)..];
        var requestLine = head[0].Split(' ', 2);
        var headers = head.Skip(1).Select(line => line.Split(": ", 2)).Select(h => (h[0], h[1])).ToList();
        return new HostileRequest(System.IO.Path.GetFileNameWithoutExtension(file), requestLine[0], requestLine[1], headers, body);
    }

    public HttpRequestMessage ToMessage(string canary, AuthOptions auth, TokenIssuer issuer)
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Expand(Path, canary));
        string? contentType = null;
        foreach (var (name, value) in Headers)
        {
            switch (name)
            {
                case "Authorization":
                    message.Headers.TryAddWithoutValidation(name, Authorization(value, auth, issuer));
                    break;
                case "Content-Type":
                    contentType = value;
                    break;
                default:
                    message.Headers.TryAddWithoutValidation(name, value == "@key" ? Guid.NewGuid().ToString() : value);
                    break;
            }
        }

        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Expand(Body, canary)));
            if (contentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        return message;
    }

    private static string Authorization(string value, AuthOptions auth, TokenIssuer issuer)
    {
        if (value.StartsWith("@token ", StringComparison.Ordinal))
        {
            var parts = value.Split(' ');
            return "Bearer " + issuer.Issue($"hostile.{parts[1]}", [parts[1]], parts[2] == "-" ? "" : parts[2]);
        }

        var now = DateTime.UtcNow;
        return value switch
        {
            "@forged" => "Bearer " + Token(auth, new SymmetricSecurityKey(Encoding.UTF8.GetBytes("not-the-center-key-but-long-enough-0123456789")), now, auth.Audience, auth.Issuer),
            "@expired" => "Bearer " + Token(auth, TokenIssuer.Key(auth), now.AddDays(-2), auth.Audience, auth.Issuer),
            "@wrong-audience" => "Bearer " + Token(auth, TokenIssuer.Key(auth), now, "another-api", auth.Issuer),
            "@wrong-issuer" => "Bearer " + Token(auth, TokenIssuer.Key(auth), now, auth.Audience, "someone-else"),
            "@alg-none" => "Bearer " + Unsigned(auth, now),
            "@garbage" => "Bearer not.a.jwt",
            "@empty" => "Bearer ",
            _ => value,
        };
    }

    /// <summary>An administrator's token, but not one the center signed as it should be.</summary>
    private static string Token(AuthOptions auth, SecurityKey key, DateTime issuedAt, string audience, string issuer) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim(HccClaims.Subject, "intruder"), new Claim(HccClaims.Role, "admin"), new Claim(HccClaims.Agency, "")]),
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });

    private static string Unsigned(AuthOptions auth, DateTime now)
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var expires = new DateTimeOffset(now.AddHours(1)).ToUnixTimeSeconds();
        return Part("""{"alg":"none","typ":"JWT"}""") + "." +
               Part($$"""{"sub":"intruder","role":"admin","agency":"","iss":"{{auth.Issuer}}","aud":"{{auth.Audience}}","exp":{{expires}}}""") + ".";
    }

    private static string Expand(string text, string canary)
    {
        text = text.Replace("{canary-homoglyph}", canary.Replace('H', 'Н').Replace('0', 'О'), StringComparison.Ordinal)
            .Replace("{canary}", canary, StringComparison.Ordinal);
        text = Repeat().Replace(text, m => string.Join(",", Enumerable.Repeat(m.Groups[2].Value, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))));
        return Generator().Replace(text, m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)) switch
        {
            ("deep", var n) => new string('[', n) + new string(']', n),
            ("deepobj", var n) => string.Concat(Enumerable.Repeat("{\"a\":", n)) + "1" + new string('}', n),
            (_, var n) => new string('A', n),
        });
    }

    [GeneratedRegex(@"\{repeat:(\d+):(\{[^}]*\})\}")]
    private static partial Regex Repeat();

    [GeneratedRegex(@"\{(big|bigurl|deep|deepobj):(\d+)\}")]
    private static partial Regex Generator();
}
