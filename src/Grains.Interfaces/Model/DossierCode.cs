using System.Globalization;

namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>The dossier code <c>{unit electronic ID}-{YYMMDD}-{NNNN}</c>, e.g. <c>000.00.20.H47-190806-0001</c>.</summary>
public static class DossierCode
{
    public static string Format(string electronicId, DateOnly registeredOn, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{electronicId}-{registeredOn:yyMMdd}-{sequence:D4}");
    }

    /// <summary>Splits a code into its parts; false for anything that is not a well-formed code.</summary>
    public static bool TryParse(string? code, out string electronicId, out DateOnly registeredOn, out int sequence)
    {
        electronicId = "";
        registeredOn = default;
        sequence = 0;
        if (string.IsNullOrEmpty(code) || code.Length > 80)
        {
            return false;
        }

        var lastDash = code.LastIndexOf('-');
        var dateDash = lastDash > 0 ? code.LastIndexOf('-', lastDash - 1) : -1;
        if (dateDash <= 0)
        {
            return false;
        }

        var sequenceText = code[(lastDash + 1)..];
        if (sequenceText.Length < 4 || !sequenceText.All(char.IsAsciiDigit)
            || !int.TryParse(sequenceText, NumberStyles.None, CultureInfo.InvariantCulture, out sequence) || sequence < 1
            || !DateOnly.TryParseExact(code[(dateDash + 1)..lastDash], "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out registeredOn))
        {
            return false;
        }

        electronicId = code[..dateDash];
        return electronicId.All(c => char.IsAsciiLetterOrDigit(c) || c == '.');
    }
}
