namespace HccOrleans.Api.Problems;

/// <summary>RFC 7807 answers whose <c>type</c> and <c>title</c> name the rule broken.</summary>
public static class ProblemResults
{
    public static string TypeOf(string rule) => $"urn:hcc:problem:{rule}";

    public static IResult ToProblem(this Rejection rejection)
    {
        var extensions = new Dictionary<string, object?> { ["rule"] = rejection.Rule };
        if (rejection.CurrentStatus is { } status)
        {
            extensions["currentStatus"] = EnumWords.Of(status);
        }

        if (rejection.CurrentVersion is { } version)
        {
            extensions["currentVersion"] = version;
        }

        if (rejection.Kind == RejectionKind.Invalid)
        {
            return TypedResults.ValidationProblem(
                rejection.Errors ?? new Dictionary<string, string[]>(),
                rejection.Detail,
                type: TypeOf(rejection.Rule),
                title: RuleCodes.Title(rejection.Rule),
                extensions: extensions);
        }

        // A domain rule that concerns one field names it, as validation does.
        if (rejection.Errors is { Count: > 0 } errors)
        {
            extensions["errors"] = errors;
        }

        return TypedResults.Problem(rejection.Detail, statusCode: StatusOf(rejection.Kind), title: RuleCodes.Title(rejection.Rule), type: TypeOf(rejection.Rule), extensions: extensions);
    }

    /// <summary>The typed answer of a refusal, for handlers returning <c>Results&lt;…, Refusal&gt;</c>.</summary>
    public static Refusal ToRefusal(this Rejection rejection) => new(rejection);

    public static Refusal Invalid(string field, string message) =>
        new Rejection(RejectionKind.Invalid, RuleCodes.Validation, message, Errors: new() { [field] = [message] }).ToRefusal();

    public static int StatusOf(RejectionKind kind) => kind switch
    {
        RejectionKind.Invalid => StatusCodes.Status400BadRequest,
        RejectionKind.Forbidden => StatusCodes.Status403Forbidden,
        RejectionKind.NotFound => StatusCodes.Status404NotFound,
        RejectionKind.Conflict => StatusCodes.Status409Conflict,
        RejectionKind.RuleRefused => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status500InternalServerError,
    };
}
