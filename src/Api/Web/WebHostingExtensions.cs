using System.Text.Encodings.Web;
using System.Text.Unicode;
using HccOrleans.Grains.Interfaces.Changes;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.WebEncoders;

namespace HccOrleans.Api.Web;

/// <summary>The pages for people: Razor Pages with htmx on the same grains and read model as the HTTP API.</summary>
public static class WebHostingExtensions
{
    public const string AssetsPath = "/assets";

    public static WebApplicationBuilder AddHccWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorPages().AddApplicationPart(typeof(WebHostingExtensions).Assembly);
        // Vietnamese is written as itself, not as &#x…; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");
        services.AddOptions<CenterOptions>().Bind(builder.Configuration.GetSection(CenterOptions.Section));
        services.TryAddSingleton<DossierChangeFeed>();
        services.AddSingleton<UnitNames>();
        services.AddSingleton<ProcedureUsage>();
        services.AddSingleton<PeopleNames>();
        services.AddSingleton<PeopleFigures>();
        services.AddSingleton<Auth.BrowserSignIn>();
        if (!string.IsNullOrEmpty(builder.Configuration.GetConnectionString("Hcc")))
        {
            services.AddHostedService<DossierChangeListener>();
        }

        return builder;
    }

    /// <summary>The embedded browser files (ours and npm's) at <c>/assets</c>.</summary>
    public static WebApplication UseHccWebAssets(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = AssetsPath,
            FileProvider = new EmbeddedFileProvider(typeof(WebHostingExtensions).Assembly, "HccWeb"),
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        return app;
    }

    public static WebApplication MapHccWeb(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapChangeEvents();
        return app;
    }
}
