namespace HccOrleans.Grains.Documents;

/// <summary>
/// A result document issued at approval (docs/rules/documents-and-results.md "Results"): the leader's input, the
/// holder from the dossier, the signer and instant of the approval, and its code (<see cref="ResultCodes"/>).
/// </summary>
internal static class ResultDocuments
{
    public static ResultDocument Issue(ResultInput input, Applicant holder, string signer, DateTimeOffset at, string documentCode) =>
        new(input.DocumentName!.Trim(), input.ResultType!.Trim(), documentCode, holder.IdNumber, holder.Name, input.Summary!.Trim(), signer, at,
            input.ElectronicOnly ?? false, input.FileId, input.ValidFrom, input.ValidTo, input.Scope);
}
