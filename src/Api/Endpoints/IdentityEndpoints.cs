using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace HccOrleans.Api.Endpoints;

public static class IdentityEndpoints
{
    /// <summary><c>POST /api/dev/token</c>, mapped only when development tokens are enabled.</summary>
    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value;
        var environment = app.ServiceProvider.GetRequiredService<IHostEnvironment>();
        if (options.DevTokens ?? environment.IsDevelopment())
        {
            app.MapPost("/api/dev/token", IssueDevToken)
                .AllowAnonymous()
                .WithName("IssueDevToken")
                .WithSummary("Issues a signed token for any subject, roles and agency (development only).")
                .WithTags("Identity");
        }

        if (options.Oidc is { Authority.Length: > 0 })
        {
            app.MapGet("/signin/external", (string? returnUrl) => TypedResults.Challenge(
                    new Microsoft.AspNetCore.Authentication.AuthenticationProperties { RedirectUri = Local(returnUrl) }, [AuthenticationSetup.OidcScheme]))
                .AllowAnonymous()
                .ExcludeFromDescription();
        }

        return app;
    }

    // Only a path of this site: a sign-in never sends the person elsewhere.
    private static string Local(string? returnUrl) =>
        returnUrl is { Length: > 1 } url && url[0] == '/' && url[1] is not '/' and not '\\' ? url : "/my-work";

    public static Results<Ok<DevTokenResponse>, Refusal> IssueDevToken(DevTokenRequest? request, TokenIssuer issuer)
    {
        if (string.IsNullOrWhiteSpace(request?.Sub))
        {
            return ProblemResults.Invalid("sub", "is required.");
        }

        if (request.Roles is not { Length: > 0 } roles || roles.Any(r => !HccClaims.Roles.ContainsKey(r)))
        {
            return ProblemResults.Invalid("roles", $"must list one or more of: {string.Join(", ", HccClaims.Roles.Keys)}.");
        }

        return TypedResults.Ok(new DevTokenResponse(issuer.Issue(request.Sub, roles, request.Agency ?? "")));
    }
}
