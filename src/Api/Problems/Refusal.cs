using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace HccOrleans.Api.Problems;

/// <summary>
/// An engine's refusal as the HTTP answer: ProblemDetails whose status comes from the rejection's kind and whose
/// type and title name the rule. As a handler's return type (<c>Results&lt;Ok&lt;T&gt;, Refusal&gt;</c>) it declares
/// the problem answers for OpenAPI: 400 with the fields, and 403, 404, 409, 422.
/// </summary>
public sealed class Refusal(Rejection rejection) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    private static readonly int[] ProblemStatuses =
        [StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity];

    public int? StatusCode => ProblemResults.StatusOf(rejection.Kind);

    public Task ExecuteAsync(HttpContext httpContext) => rejection.ToProblem().ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
        foreach (var status in ProblemStatuses)
        {
            builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        }
    }
}
