namespace HccOrleans.Api.Web;

/// <summary>
/// Headers every response carries (no sniffing, no framing but the dashboard's by this site, no referrer beyond this site), and on the center's own
/// pages a content security policy: scripts and styles from this site only, images also as data (the receipt's QR
/// code). The Orleans dashboard and the API reference bring inline scripts of their own and keep the rest.
/// </summary>
public static class SecurityHeaders
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseHccSecurityHeaders(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            var response = http.Response;
            response.OnStarting(() =>
            {
                var headers = response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = DashboardFrame.FrameOptions(http.Request.Path);
                headers["Referrer-Policy"] = "same-origin";
                var path = http.Request.Path;
                if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
                    && !path.StartsWithSegments("/dashboard") && !path.StartsWithSegments("/scalar"))
                {
                    headers.ContentSecurityPolicy = PagePolicy;
                }

                return Task.CompletedTask;
            });
            return next(http);
        });
        return app;
    }
}
