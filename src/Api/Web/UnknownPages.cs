namespace HccOrleans.Api.Web;

/// <summary>
/// A person who asks for an address no endpoint answers is sent to a Vietnamese page with the way back (404), instead
/// of the API's ProblemDetails; the API, and callers that do not ask for a page, keep the ProblemDetails 404.
/// </summary>
public static class UnknownPages
{
    public const string Page = "/error-page";

    public static IApplicationBuilder UseHccUnknownPages(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        await next();
        if (http.Response is { StatusCode: StatusCodes.Status404NotFound, HasStarted: false } && http.GetEndpoint() is null
            && HttpMethods.IsGet(http.Request.Method) && !http.Request.Path.StartsWithSegments("/api")
            && http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)))
        {
            http.Response.Redirect($"{Page}?path={Uri.EscapeDataString(http.Request.Path)}");
        }
    });
}
