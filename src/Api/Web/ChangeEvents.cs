using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using HccOrleans.Grains.Interfaces.Changes;

namespace HccOrleans.Api.Web;

/// <summary>
/// <c>GET /events/dossiers</c>: server-sent events that tell open pages which dossiers changed, so that queues,
/// dossier pages and the KPI page update themselves. Signed-in staff get the codes; anyone else only that something
/// changed. A comment every 20 s keeps idle connections open through proxies.
/// </summary>
public static class ChangeEvents
{
    public const string Path = "/events/dossiers";
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(20);

    public static IEndpointRouteBuilder MapChangeEvents(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext http, DossierChangeFeed feed) =>
                TypedResults.ServerSentEvents(Stream(feed, http.User.Identity?.IsAuthenticated == true, http.RequestAborted)))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    private static async IAsyncEnumerable<SseItem<string>> Stream(DossierChangeFeed feed, bool staff, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = feed.Subscribe();
        yield return new SseItem<string>("", "ready");
        while (!cancellationToken.IsCancellationRequested)
        {
            var ready = await ReadyAsync(subscription.Reader, cancellationToken);
            if (ready is null)
            {
                yield return new SseItem<string>("", "ping");
                continue;
            }

            if (ready == false)
            {
                yield break;
            }

            while (subscription.Reader.TryRead(out var batch))
            {
                yield return new SseItem<string>(staff ? string.Join(',', batch) : DossierChangeFeed.Everything, "dossiers");
            }
        }
    }

    /// <summary>True when a batch waits, false when the feed or the request ended, null when nothing came for <see cref="KeepAlive"/>.</summary>
    private static async Task<bool?> ReadyAsync(System.Threading.Channels.ChannelReader<IReadOnlyList<string>> reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.WaitToReadAsync(cancellationToken).AsTask().WaitAsync(KeepAlive, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page went away.
            return false;
        }
    }
}
