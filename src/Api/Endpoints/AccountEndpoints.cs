using HccOrleans.Api.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HccOrleans.Api.Endpoints;

/// <summary>The administrator's side of accounts (staff passwords, service accounts) and the token endpoint of service accounts.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api/accounts").RequireAuthorization(CatalogueEndpoints.AdminPolicy).WithTags("Identity");
        accounts.MapPut("/{userName}/password", SetPassword).WithName("SetPassword")
            .WithSummary("Sets a staff member's password (the administrator's, e.g. a first or forgotten one): a person of the directory; the account is created if it has none, and unlocked.");
        var services = app.MapGroup("/api/service-accounts").RequireAuthorization(CatalogueEndpoints.AdminPolicy).WithTags("Identity");
        services.MapPut("/{clientId}", PutServiceAccount).WithName("PutServiceAccount")
            .WithSummary("Creates or changes a service account (portal, payment, messaging adapters); its secret is generated and shown once, when created or with rotateSecret=true.");
        app.MapPost("/api/auth/token", Token).AllowAnonymous().WithTags("Identity").WithName("IssueServiceToken").DisableAntiforgery()
            .WithSummary("OAuth 2.0 client credentials (RFC 6749 §4.4): grant_type=client_credentials with client_id and client_secret (form or HTTP Basic) → a short-lived bearer token of the engine.");
        return app;
    }

    public sealed record PasswordBody(string? Password);

    public sealed record ServiceAccountBody(string? Name, string[]? Roles, string? Unit, bool? Active, bool? RotateSecret);

    public sealed record ServiceAccountView(string ClientId, string Name, string[] Roles, string Unit, bool Active, string? Secret);

    public sealed record TokenResponse(
        [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);

    public static async Task<Results<Ok<object>, Refusal>> SetPassword(string userName, PasswordBody? body, StaffPasswords passwords) =>
        await passwords.SetAsync(userName, body?.Password) is { } rejection ? rejection.ToRefusal() : TypedResults.Ok<object>(new { userName, locked = false });

    public static async Task<Results<Ok<ServiceAccountView>, Refusal>> PutServiceAccount(string clientId, ServiceAccountBody? body, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>();
        if (!System.Text.RegularExpressions.Regex.IsMatch(clientId, "^[A-Za-z0-9._-]{1,64}$"))
        {
            errors["clientId"] = ["must be 1 to 64 letters, digits, dots, dashes or underscores."];
        }

        if (string.IsNullOrWhiteSpace(body?.Name) || body.Name.Length > 200)
        {
            errors["name"] = ["is required (at most 200 characters)."];
        }

        var roles = (body?.Roles ?? []).Select(r => HccClaims.Roles.GetValueOrDefault(r)).ToArray();
        if (roles.Length == 0 || roles.Any(r => r == default))
        {
            errors["roles"] = [$"must list one or more of: {string.Join(", ", HccClaims.Roles.Keys)}."];
        }

        if (errors.Count > 0)
        {
            return new Rejection(RejectionKind.Invalid, RuleCodes.Validation, "The service account is invalid.", Errors: errors).ToRefusal();
        }

        var grain = grains.Reference<IServiceAccountGrain>(clientId);
        var known = await grain.GetAsync();
        var entry = new ServiceAccount { ClientId = clientId, Name = body!.Name!.Trim(), Roles = roles, Unit = body.Unit?.Trim() ?? "", Active = body.Active ?? true, SecretHash = known?.SecretHash };
        string? secret = null;
        if (known is null || body.RotateSecret == true)
        {
            secret = ServiceAccounts.NewSecret();
            entry = entry with { SecretHash = ServiceAccounts.Hash(entry, secret) };
        }

        var saved = await grain.PutAsync(entry);
        return TypedResults.Ok(new ServiceAccountView(saved.ClientId, saved.Name, [.. saved.Roles.Select(EnumWords.Of)], saved.Unit, saved.Active, secret));
    }

    /// <summary>The client credentials grant; errors carry RFC 6749's <c>error</c> code beside the problem's rule.</summary>
    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Token(HttpRequest request, ServiceAccounts accounts)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync() : null;
        if (form?["grant_type"].ToString() != "client_credentials")
        {
            return TokenProblem(StatusCodes.Status400BadRequest, "unsupported_grant_type", "grant_type must be client_credentials, sent as application/x-www-form-urlencoded.");
        }

        var (clientId, secret) = Credentials(request, form);
        if (clientId is null || secret is null || await accounts.TokenAsync(clientId, secret) is not { } issued)
        {
            return TokenProblem(StatusCodes.Status401Unauthorized, "invalid_client", "Unknown client, wrong secret, or an inactive service account.");
        }

        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new TokenResponse(issued.Token, "Bearer", (int)issued.Lifetime.TotalSeconds));
    }

    private static (string? ClientId, string? Secret) Credentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())).Split(':', 2);
                return pair.Length == 2 ? (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1])) : (null, null);
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }

        return (form["client_id"].FirstOrDefault(), form["client_secret"].FirstOrDefault());
    }

    private static ProblemHttpResult TokenProblem(int status, string error, string detail) => TypedResults.Problem(detail, statusCode: status,
        title: RuleCodes.Title(RuleCodes.InvalidClient), type: ProblemResults.TypeOf(RuleCodes.InvalidClient), extensions: new Dictionary<string, object?> { ["error"] = error, ["rule"] = RuleCodes.InvalidClient });
}
