using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace HccOrleans.Api.Endpoints.Filters;

// Query-string values that always bind: each keeps what the caller sent and, when it reads, its value. Binding
// never fails on its own, so a filter can name every wrong field in one 400 (FilterErrors), as the contract asks.

/// <summary>An enum word of the contract (<c>supplement-requested</c>).</summary>
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Minimal APIs bind through the static TryParse.")]
public readonly record struct QueryWord<TEnum>(TEnum? Value, string Sent)
    where TEnum : struct, Enum
{
    public static bool TryParse(string? text, IFormatProvider? provider, out QueryWord<TEnum> result)
    {
        var sent = text?.Trim() ?? "";
        result = new(EnumWords.TryParse<TEnum>(sent, out var value) ? value : null, sent);
        return true;
    }

    public string? Problem => Value is null && Sent.Length > 0 ? $"'{Sent}' is not one of: {EnumWords.All<TEnum>()}." : null;
}

/// <summary>A date (midnight at the center) or an instant with its offset.</summary>
public readonly record struct QueryInstant(DateOnly? Date, DateTimeOffset? Instant, string Sent)
{
    public static bool TryParse(string? text, IFormatProvider? provider, out QueryInstant result)
    {
        var sent = text?.Trim() ?? "";
        result = DateOnly.TryParseExact(sent, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new(date, null, sent)
            : DateTimeOffset.TryParse(sent, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) && sent.Length >= 20
                ? new(null, instant, sent)
                : new(null, null, sent);
        return true;
    }

    public string? Problem => Date is null && Instant is null && Sent.Length > 0
        ? "must be a date (2019-01-01) or an instant with an offset (2019-01-01T00:00:00+07:00)."
        : null;

    /// <summary>The instant meant: a date is its midnight in the center's zone.</summary>
    public DateTimeOffset? In(TimeZoneInfo zone)
    {
        if (Date is not { } date)
        {
            return Instant;
        }

        var midnight = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }
}

/// <summary>A whole number, not negative.</summary>
public readonly record struct QueryNumber(int? Value, string Sent)
{
    public static bool TryParse(string? text, IFormatProvider? provider, out QueryNumber result)
    {
        var sent = text?.Trim() ?? "";
        result = new(int.TryParse(sent, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null, sent);
        return true;
    }

    public string? ProblemOutside(int min, int max) =>
        Sent.Length == 0 || Value is { } v && v >= min && v <= max ? null : $"must be a whole number from {min} to {max}.";
}

/// <summary><c>true</c> or <c>false</c>.</summary>
public readonly record struct QueryFlag(bool? Value, string Sent)
{
    public static bool TryParse(string? text, IFormatProvider? provider, out QueryFlag result)
    {
        var sent = text?.Trim() ?? "";
        result = new(bool.TryParse(sent, out var value) ? value : null, sent);
        return true;
    }

    public string? Problem => Value is null && Sent.Length > 0 ? "must be true or false." : null;
}

/// <summary>A dossier code as the engine allocates them (<c>000.00.20.H47-190806-0001</c>).</summary>
public readonly record struct QueryDossierCode(string? Value, string Sent)
{
    public static bool TryParse(string? text, IFormatProvider? provider, out QueryDossierCode result)
    {
        var sent = text?.Trim() ?? "";
        result = new(DossierCode.TryParse(sent, out _, out _, out _) ? sent : null, sent);
        return true;
    }

    public string? Problem => Value is null && Sent.Length > 0 ? "is not a dossier code (like 000.00.20.H47-190806-0001)." : null;
}

/// <summary>Free text: trimmed, and nothing when blank.</summary>
public readonly record struct QueryText(string? Value)
{
    public static bool TryParse(string? text, IFormatProvider? provider, out QueryText result)
    {
        result = new(string.IsNullOrWhiteSpace(text) ? null : text.Trim());
        return true;
    }
}
