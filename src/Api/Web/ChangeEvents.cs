using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using HccOrleans.Changes;

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
        yield return new SseItem<string>("", "ready");
        await using var batches = feed.SubscribeAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        var next = batches.MoveNextAsync().AsTask();
        while (!cancellationToken.IsCancellationRequested)
        {
            var tick = Task.Delay(KeepAlive, cancellationToken);
            if (await Task.WhenAny(next, tick) != next)
            {
                yield return new SseItem<string>("", "ping");
                continue;
            }

            if (!await next)
            {
                yield break;
            }

            yield return new SseItem<string>(staff ? string.Join(',', batches.Current) : DossierChangeFeed.Everything, "dossiers");
            next = batches.MoveNextAsync().AsTask();
        }
    }
}
