using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Api.Problems;

/// <summary>RFC 7807 answers whose <c>type</c> and <c>title</c> name the rule broken.</summary>
public static class Problems
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
                title: Title(rejection.Rule),
                extensions: extensions);
        }

        return TypedResults.Problem(rejection.Detail, statusCode: StatusOf(rejection.Kind), title: Title(rejection.Rule), type: TypeOf(rejection.Rule), extensions: extensions);
    }

    public static IResult Invalid(string field, string message) =>
        new Rejection(RejectionKind.Invalid, "validation", message, Errors: new() { [field] = [message] }).ToProblem();

    public static int StatusOf(RejectionKind kind) => kind switch
    {
        RejectionKind.Invalid => StatusCodes.Status400BadRequest,
        RejectionKind.Forbidden => StatusCodes.Status403Forbidden,
        RejectionKind.NotFound => StatusCodes.Status404NotFound,
        RejectionKind.Conflict => StatusCodes.Status409Conflict,
        RejectionKind.RuleRefused => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static string Title(string rule) => rule switch
    {
        "validation" => "The request is invalid",
        "invalid-transition" => "Invalid transition",
        "stale-version" => "The dossier changed since you read it",
        "not-permitted" => "Not permitted",
        "dossier-not-found" => "Dossier not found",
        "idempotency-key-reused" => "Idempotency key reused with another body",
        "supplement-request-once" => "Only one supplement request during processing",
        "apology-once" => "Only one apology per dossier",
        "payment-amount-mismatch" => "The payment does not match the obligation",
        "rating-not-returned" => "Only a returned dossier can be rated",
        "rating-once" => "A dossier is rated once",
        "procedure-not-found" => "Procedure not found",
        "channel-not-offered" => "Channel not offered for this procedure",
        _ => rule.Replace('-', ' '),
    };
}
