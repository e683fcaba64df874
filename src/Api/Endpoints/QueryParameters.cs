using System.Globalization;

using Model = HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Api.Endpoints;

/// <summary>Reads query-string values the way the contract spells them, collecting what is wrong.</summary>
public sealed class QueryParameters(IQueryCollection query, TimeZoneInfo zone)
{
    private readonly Dictionary<string, string[]> _errors = [];

    public bool IsValid => _errors.Count == 0;

    public IResult Problem() =>
        new Rejection(RejectionKind.Invalid, RuleCodes.Validation, "One or more query parameters are invalid.", Errors: _errors).ToProblem();

    public string? Text(string name) => query[name] is { Count: > 0 } values && !string.IsNullOrWhiteSpace(values[0]) ? values[0]!.Trim() : null;

    public TEnum? Enum<TEnum>(string name)
        where TEnum : struct, Enum
    {
        if (Text(name) is not { } word)
        {
            return null;
        }

        if (EnumWords.TryParse<TEnum>(word, out var value))
        {
            return value;
        }

        _errors[name] = [$"'{word}' is not one of: {EnumWords.All<TEnum>()}."];
        return null;
    }

    /// <summary>A dossier code as the engine allocates them (e.g. <c>000.00.20.H47-190806-0001</c>).</summary>
    public string? DossierCode(string name)
    {
        if (Text(name) is not { } code)
        {
            return null;
        }

        if (Model.DossierCode.TryParse(code, out _, out _, out _))
        {
            return code;
        }

        _errors[name] = ["is not a dossier code (like 000.00.20.H47-190806-0001)."];
        return null;
    }

    public bool? Boolean(string name)
    {
        if (Text(name) is not { } word)
        {
            return null;
        }

        if (bool.TryParse(word, out var value))
        {
            return value;
        }

        _errors[name] = ["must be true or false."];
        return null;
    }

    public int Integer(string name, int fallback, int min, int max)
    {
        if (Text(name) is not { } word)
        {
            return fallback;
        }

        if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        _errors[name] = [$"must be a whole number from {min} to {max}."];
        return fallback;
    }

    /// <summary>An instant with an offset, or a date (midnight at the center).</summary>
    public DateTimeOffset? Instant(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var midnight = date.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) && text.Length >= 20)
        {
            return instant;
        }

        _errors[name] = ["must be a date (2019-01-01) or an instant with an offset (2019-01-01T00:00:00+07:00)."];
        return null;
    }

    public void Require(string name, object? value)
    {
        if (value is null && !_errors.ContainsKey(name))
        {
            _errors[name] = ["is required."];
        }
    }

    public void Check(bool condition, string name, string message)
    {
        if (!condition)
        {
            _errors[name] = [message];
        }
    }
}
