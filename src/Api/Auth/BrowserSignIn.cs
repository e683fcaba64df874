using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace HccOrleans.Api.Auth;

/// <summary>
/// Signs a browser in: with a token of the configured issuer (any environment), or, where development tokens are
/// on, as a demo user picked from a list. Either way the session is an HttpOnly cookie with the token's claims.
/// </summary>
public sealed partial class BrowserSignIn(IOptions<AuthOptions> options, IHostEnvironment environment, TimeProvider time, ILogger<BrowserSignIn> logger)
{
    public bool DemoUsers => options.Value.DevTokens ?? environment.IsDevelopment();

    /// <summary>Signs in with a JWT; null when it is accepted, else why not (in Vietnamese).</summary>
    public async Task<string?> WithTokenAsync(HttpContext http, string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return "Hãy dán mã đăng nhập (JWT) do hệ thống xác thực cấp.";
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token.Trim(), AuthenticationSetup.TokenValidation(options.Value));
        if (!result.IsValid)
        {
            return "Mã đăng nhập không hợp lệ hoặc đã hết hạn.";
        }

        var claims = result.ClaimsIdentity.Claims.Where(c => c.Type is HccClaims.Subject or HccClaims.Role or HccClaims.Agency).ToList();
        var expires = result.SecurityToken.ValidTo is var validTo && validTo > DateTime.MinValue ? new DateTimeOffset(validTo, TimeSpan.Zero) : (DateTimeOffset?)null;
        await SignInAsync(http, claims, expires, "token");
        return null;
    }

    /// <summary>Signs in as a demo user (development only); null when done, else why not.</summary>
    public async Task<string?> AsDemoUserAsync(HttpContext http, string? subject, string? role, string? agency)
    {
        if (!DemoUsers)
        {
            return "Đăng nhập thử chỉ dùng trong môi trường phát triển.";
        }

        if (string.IsNullOrWhiteSpace(subject) || role is null || !HccClaims.Roles.ContainsKey(role))
        {
            return "Hãy chọn vai trò và nhập tên đăng nhập.";
        }

        Claim[] claims = [new(HccClaims.Subject, subject.Trim()), new(HccClaims.Role, role), new(HccClaims.Agency, agency?.Trim() ?? "")];
        await SignInAsync(http, claims, null, "demo");
        return null;
    }

    /// <summary>Signs in a person of the staff directory, with the directory's roles and unit.</summary>
    public Task AsPersonAsync(HttpContext http, Person person, string method) =>
        SignInAsync(http, [new(HccClaims.Subject, person.UserName), .. person.Roles.Select(r => new Claim(HccClaims.Role, EnumWords.Of(r))), new(HccClaims.Agency, person.Unit)], null, method);

    private async Task SignInAsync(HttpContext http, IReadOnlyList<Claim> claims, DateTimeOffset? expires, string method)
    {
        var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, HccClaims.Subject, HccClaims.Role);
        var principal = new ClaimsPrincipal(identity);
        var now = time.GetUtcNow();
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, new AuthenticationProperties
        {
            IssuedUtc = now,
            ExpiresUtc = expires is { } at && at < now.AddHours(8) ? at : null,
            IsPersistent = false,
        });
        var actor = principal.ToActor();
        var roles = string.Join(",", actor.Roles.Select(EnumWords.Of));
        LogSignedIn(logger, actor.Subject, roles, actor.Agency, method);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed in {Subject} ({Roles}, agency {Agency}) by {Method}")]
    private static partial void LogSignedIn(ILogger logger, string subject, string roles, string agency, string method);
}
