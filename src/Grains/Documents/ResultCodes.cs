namespace HccOrleans.Grains.Documents;

/// <summary>
/// A result document's code (mã số giấy tờ; docs/rules/documents-and-results.md "Results"): the holder's ID number and
/// the result type's code, and from the holder's second result of the type on, its sequence.
/// </summary>
internal static class ResultCodes
{
    public static string Format(string idNumber, string resultType, int sequence) =>
        sequence <= 1 ? $"{idNumber}.{resultType}" : $"{idNumber}.{resultType}.{sequence}";
}
