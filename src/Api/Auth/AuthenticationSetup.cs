using HccOrleans.Api.Accounts;
using HccOrleans.Api.Endpoints;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace HccOrleans.Api.Auth;

/// <summary>
/// Who is calling: a bearer token (API clients, the portal) or the sign-in cookie a browser got from
/// <c>/signin</c>, which carries the same claims. A request with an <c>Authorization: Bearer</c> header is judged by
/// the token alone. Browsers that are not signed in are sent to the sign-in page; API calls get 401/403.
/// </summary>
public static class AuthenticationSetup
{
    public const string Scheme = "hcc";
    public const string CookieName = "hcc.session";
    public const string DirectorOrAdmin = "director-or-admin";

    public const string OidcScheme = "oidc";
    public const string OidcBearerScheme = "oidc-bearer";

    public static IServiceCollection AddHccAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var oidc = auth.Oidc is { Authority.Length: > 0 } configured ? configured : null;
        var authentication = services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer token or sign-in cookie", o => o.ForwardDefaultSelector = http => Bearer(http) switch
            {
                null => CookieAuthenticationDefaults.AuthenticationScheme,
                var token when oidc is not null && IssuerOf(token) is { } issuer && issuer != auth.Issuer => OidcBearerScheme,
                _ => JwtBearerDefaults.AuthenticationScheme,
            })
            .AddJwtBearer()
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.LoginPath = "/signin";
                o.AccessDeniedPath = "/denied";
                o.Events.OnValidatePrincipal = StaffAccountsSetup.EndSessionsOfInactivePeopleAsync;
                o.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
            });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = TokenValidation(auth.Value);
                jwt.Events = new JwtBearerEvents
                {
                    // A service account made inactive stops at once: its tokens are refused though not yet expired.
                    OnTokenValidated = async context =>
                    {
                        if (!await context.HttpContext.RequestServices.GetRequiredService<ServiceAccounts>().StillActiveAsync(context.Principal!))
                        {
                            context.Fail("The service account is inactive.");
                        }
                    },
                };
            });
        if (oidc is not null)
        {
            authentication.AddExternalProvider(oidc);
        }

        services.AddStaffAccounts();
        services.AddAuthorizationBuilder()
            .AddPolicy(CatalogueEndpoints.AdminPolicy, policy => policy.RequireRole("admin"))
            .AddPolicy(DirectorOrAdmin, policy => policy.RequireRole("director", "admin"));
        return services;
    }

    private static string? Bearer(HttpContext http) =>
        http.Request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;

    /// <summary>Whose token it is, read before it is validated (by the handler of that issuer); null when it is not a JWT.</summary>
    private static string? IssuerOf(string token)
    {
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        return handler.CanReadToken(token) ? handler.ReadJsonWebToken(token).Issuer : null;
    }

    /// <summary>What a token must satisfy, for the bearer handler and for the token sign-in page alike.</summary>
    public static TokenValidationParameters TokenValidation(AuthOptions auth) => new()
    {
        ValidIssuer = auth.Issuer,
        ValidAudience = auth.Audience,
        IssuerSigningKey = TokenIssuer.Key(auth),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = HccClaims.Subject,
        RoleClaimType = HccClaims.Role,
    };

    /// <summary>
    /// A page a browser navigates to goes to the sign-in (or refusal) page; everything else — the JSON API, server
    /// events and the Orleans dashboard, which refuses everyone but directors and administrators — gets the status code.
    /// </summary>
    private static Task Refuse(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        var navigation = request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal)
            && !request.Path.StartsWithSegments("/dashboard");
        if (navigation)
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }

        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        context.Response.StatusCode = request.Path.StartsWithSegments("/dashboard") ? StatusCodes.Status403Forbidden : status;
        return Task.CompletedTask;
    }
}
