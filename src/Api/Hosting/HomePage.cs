namespace HccOrleans.Api.Hosting;

/// <summary>The landing page until the center's KPI page arrives: where everything is.</summary>
internal static class HomePage
{
    private const string Html = """
        <!doctype html>
        <html lang="vi">
        <head><meta charset="utf-8"><title>Trung tâm Hành chính công — HccOrleans</title>
        <style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:3rem auto;line-height:1.5}code{background:#f3f3f3;padding:0 .3em}</style></head>
        <body>
        <h1>Trung tâm Hành chính công</h1>
        <p>HccOrleans — the one-stop dossier engine is running.</p>
        <ul>
          <li><a href="/scalar">Interactive API reference</a> (<a href="/openapi/v1.json">OpenAPI document</a>)</li>
          <li><a href="/dashboard">Orleans dashboard</a> — grain activity</li>
          <li><a href="/health/ready">Readiness</a></li>
        </ul>
        <p>Citizens look up a dossier with <code>GET /api/lookup?code=…&amp;idNumber=…</code>.</p>
        </body></html>
        """;

    public static IResult Render() => Results.Content(Html, "text/html; charset=utf-8");
}
