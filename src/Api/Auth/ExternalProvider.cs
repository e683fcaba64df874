using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HccOrleans.Api.Auth;

/// <summary>
/// Sign-in through a configured OpenID Connect provider (authorization code with PKCE, the result kept in the
/// engine's own session cookie), and the provider's access tokens accepted as bearer tokens; both turn the
/// provider's claims into the engine's (<see cref="OidcClaims"/>) and refuse an identity that maps to no role.
/// </summary>
public static class ExternalProvider
{
    public static void AddExternalProvider(this AuthenticationBuilder authentication, OidcOptions oidc)
    {
        authentication.AddOpenIdConnect(AuthenticationSetup.OidcScheme, oidc.DisplayName, o =>
        {
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.CallbackPath = "/signin-oidc";
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Events.OnTokenValidated = context =>
            {
                if (OidcClaims.Map(context.Principal!, oidc, CookieAuthenticationDefaults.AuthenticationScheme) is not { } identity)
                {
                    context.Fail("The provider's identity carries no role of the engine.");
                    return Task.CompletedTask;
                }

                context.Principal = new System.Security.Claims.ClaimsPrincipal(identity);
                return Task.CompletedTask;
            };
            o.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect("/signin?external=failed");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        authentication.AddJwtBearer(AuthenticationSetup.OidcBearerScheme, o =>
        {
            o.Authority = oidc.Authority;
            o.Audience = oidc.Audience.Length > 0 ? oidc.Audience : oidc.ClientId;
            o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            o.MapInboundClaims = false;
            o.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    if (OidcClaims.Map(context.Principal!, oidc, AuthenticationSetup.OidcBearerScheme) is not { } identity)
                    {
                        context.Fail("The provider's token carries no role of the engine.");
                        return Task.CompletedTask;
                    }

                    context.Principal = new System.Security.Claims.ClaimsPrincipal(identity);
                    return Task.CompletedTask;
                },
            };
        });
    }
}
