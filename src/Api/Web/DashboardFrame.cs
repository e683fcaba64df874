namespace HccOrleans.Api.Web;

/// <summary>
/// The Orleans dashboard is shown framed in the center's monitor page, which gives it the header and the way back it
/// lacks: the dashboard may be framed by this site only, and a browser that navigates to its address as a page of its
/// own (Sec-Fetch-Dest: document) is sent to the monitor page — after authorization, so that those the dashboard refuses
/// are still refused there. Callers that are not browsers get the dashboard as is.
/// </summary>
public static class DashboardFrame
{
    public const string Prefix = "/dashboard";

    public static IApplicationBuilder UseHccDashboardFrame(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var path = http.Request.Path;
        if (HttpMethods.IsGet(http.Request.Method) && (path == Prefix || path == Prefix + "/")
            && http.Request.Headers["Sec-Fetch-Dest"] == "document")
        {
            http.Response.Redirect(Pages.MonitorModel.Address);
            return Task.CompletedTask;
        }

        return next(http);
    });

    /// <summary>What <see cref="SecurityHeaders"/> allows in the way of framing at <paramref name="path"/>.</summary>
    public static string FrameOptions(PathString path) => path.StartsWithSegments(Prefix) ? "SAMEORIGIN" : "DENY";
}
