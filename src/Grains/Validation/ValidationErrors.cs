namespace HccOrleans.Grains.Validation;

/// <summary>Field errors collected while checking input, keyed by the camelCase JSON path.</summary>
public sealed class ValidationErrors
{
    private const decimal MaxAmount = 1_000_000_000_000m;
    private const string WholeDong = "must be a whole number of đồng, greater than 0.";

    private readonly Dictionary<string, List<string>> _errors = [];

    public bool IsEmpty => _errors.Count == 0;

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }

        messages.Add(message);
        return this;
    }

    public ValidationErrors Require(string field, string? value, int maxLength = 500)
    {
        if (string.IsNullOrWhiteSpace(value) || !value.Any(char.IsLetterOrDigit))
        {
            return Add(field, "is required.");
        }

        return Optional(field, value, maxLength);
    }

    public ValidationErrors Optional(string field, string? value, int maxLength = 500) => value switch
    {
        null => this,
        { Length: var length } when length > maxLength => Add(field, $"must be at most {maxLength} characters."),
        _ when TextRules.Problem(value) is { } problem => Add(field, problem),
        _ => this,
    };

    public ValidationErrors Defined<TEnum>(string field, TEnum value)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? this : Add(field, $"'{value}' is not a valid value.");

    /// <summary>A choice the caller must make: missing names the choices (<paramref name="choices"/>), unknown is refused.</summary>
    public ValidationErrors Required<TEnum>(string field, TEnum? value, string choices)
        where TEnum : struct, Enum =>
        value is { } given ? Defined(field, given) : Add(field, $"is required: {choices}.");

    /// <summary>An amount of money: whole đồng, more than 0 and at most a thousand billion.</summary>
    public ValidationErrors Amount(decimal? amount, string meaning, string field = "amount") => amount switch
    {
        null => Add(field, $"is required: {meaning}."),
        <= 0 or > MaxAmount => Add(field, WholeDong),
        { } whole when whole != decimal.Round(whole, 0) => Add(field, WholeDong),
        _ => this,
    };

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
