using OpenTelemetry;
using OpenTelemetry.Trace;

namespace HccOrleans.Tests.Operate;

/// <summary>
/// A request's trace on the durable engine: the HTTP request, the grain calls it makes, and — through the span of the
/// group-committed batch that carried its write, linked to the request — the PostgreSQL commands.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Operate")]
public sealed class TracingTests(PostgresServer postgres)
{
    [Fact]
    public async Task AReceipt_IsTracedFromHttpThroughTheGrainCallToPostgres()
    {
        var spans = new SpanRecorder();
        await using var engine = new DurableEngine(
            await postgres.CreateDatabaseAsync("tracing"),
            new Dictionary<string, string> { [HccOrleans.Hosting.TelemetrySetup.TracingKey] = "true" },
            services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(spans)));
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HccOrleans.Api.Json.ApiJson.Configure(json, TestCalendars.Vietnam);
        await EngineHost.SeedAsync(await engine.ClientAsync("admin", "admin", ""), json);
        var officer = await engine.ClientAsync(TestCatalogue.Officer.Subject, "officer", TestCatalogue.OneStop);
        using var submit = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers") { Content = JsonContent.Create(TestCatalogue.Request(), options: json) };
        submit.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var submitted = await officer.SendAsync(submit);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var code = (await submitted.Content.ReadFromJsonAsync<JsonElement>(json)).GetProperty("code").GetString();
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/dossiers/{code}/receive", new { })).StatusCode);
        var path = $"/api/dossiers/{code}/receive";

        // Spans end as their work does, some just after the answer left (the server span, a batch that answered
        // its callers before it closed): wait for the whole picture, not for a time.
        var traced = await TraceAsync(spans, recorded =>
        {
            var request = recorded.SingleOrDefault(s => s.Kind == ActivityKind.Server && s.Source.Name == "Microsoft.AspNetCore" && s.GetTagItem("url.path") as string == path);
            if (request is null)
            {
                return false;
            }

            var batches = recorded.Where(s => s.Source.Name == HccOrleans.Grains.Interfaces.EngineTelemetry.ActivitySourceName
                && s.Links.Any(link => link.Context.TraceId == request.TraceId)).ToList();
            return recorded.Any(s => s.TraceId == request.TraceId && s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)
                    && s.DisplayName.Contains("ActAsync", StringComparison.Ordinal))
                && batches.Any(b => b.DisplayName.StartsWith("batch hcc-write", StringComparison.Ordinal))
                && recorded.Any(s => s.Source.Name == "Npgsql" && batches.Any(b => b.SpanId == s.ParentSpanId));
        });
        Assert.True(traced, "no trace led from the receipt's request through its grain call and its write batch to PostgreSQL");
    }

    /// <summary>Waits, span by span as they end, until the recorded spans form the whole trace (or a minute passes).</summary>
    private static async Task<bool> TraceAsync(SpanRecorder spans, Func<Activity[], bool> complete)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            while (true)
            {
                // Armed before looking, so a span that ends in between still wakes the wait.
                var next = spans.NextAsync(deadline.Token);
                if (complete(spans.Ended))
                {
                    return true;
                }

                await next;
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Every span that ended, and a signal as each one does.</summary>
    private sealed class SpanRecorder : BaseProcessor<Activity>
    {
        private readonly Lock _gate = new();
        private readonly List<Activity> _ended = [];
        private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Activity[] Ended
        {
            get
            {
                lock (_gate)
                {
                    return [.. _ended];
                }
            }
        }

        public Task NextAsync(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                return _next.Task.WaitAsync(cancellationToken);
            }
        }

        public override void OnEnd(Activity data)
        {
            TaskCompletionSource ended;
            lock (_gate)
            {
                _ended.Add(data);
                ended = _next;
                _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            ended.TrySetResult();
        }
    }
}
