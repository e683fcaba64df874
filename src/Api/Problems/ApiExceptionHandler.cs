using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Orleans.Runtime.Messaging;
using Orleans.Serialization;
using Orleans.Storage;

namespace HccOrleans.Api.Problems;

/// <summary>
/// Turns what escapes a handler into ProblemDetails: bad JSON is 400 with the field, a lost optimistic
/// write is 409, and an unreachable database or cluster is 503 with Retry-After.
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var http = httpContext;
        var problem = exception switch
        {
            BadHttpRequestException bad => BadRequest(bad),
            InconsistentStateException => Problem(StatusCodes.Status409Conflict, RuleCodes.ConcurrentChange,
                "Another change to the same record won the race; reload and try again."),
            _ when IsUnavailable(exception) => Problem(StatusCodes.Status503ServiceUnavailable, RuleCodes.StorageUnavailable,
                "Storage or the cluster is unreachable right now; nothing was changed. Retry shortly."),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // Counted by the HTTP metrics (status 503). The database's absence is held back and counted by the
            // outage-aware logging; a cluster that cannot answer is one line, without the stack.
            if (DatabaseOutage.IsUnreachable(exception))
            {
                LogDatabaseUnavailable(logger, exception);
            }
            else
            {
                LogUnavailable(logger, exception.GetType().Name, exception.Message);
            }

            http.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.IsTransient,
        DbException or TimeoutException or SiloUnavailableException or OrleansMessageRejectionException
            or ConnectionFailedException or UnavailableExceptionFallbackException or GatewayTooBusyException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsUnavailable),
        { InnerException: { } inner } => IsUnavailable(inner),
        _ => false,
    };

    private static ProblemDetails BadRequest(BadHttpRequestException bad)
    {
        var problem = Problem(bad.StatusCode, RuleCodes.MalformedRequest, bad.Message);
        if (bad.InnerException is JsonException { Path: { } path } json)
        {
            var field = path.TrimStart('$', '.');
            problem.Detail = json.Message;
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field.Length == 0 ? "body" : field] = [json.Message] };
        }

        return problem;
    }

    private static ProblemDetails Problem(int status, string rule, string detail) => new()
    {
        Status = status,
        Type = ProblemResults.TypeOf(rule),
        Title = RuleCodes.Title(rule),
        Detail = detail,
        Extensions = { ["rule"] = rule },
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered 503: PostgreSQL could not be reached")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered 503: the cluster could not answer ({Failure}: {Reason})")]
    private static partial void LogUnavailable(ILogger logger, string failure, string reason);
}
