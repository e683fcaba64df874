using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Grains.Interfaces;

/// <summary>
/// The documents already digitised for one applicant, keyed by their ID number (Decree 118/2025 Art. 5(1)(i), 22(1)):
/// what a later dossier of theirs reuses by reference instead of asking for again.
/// </summary>
[Alias("hcc.ICitizenDocumentsGrain")]
public interface ICitizenDocumentsGrain : IGrainWithStringKey
{
    /// <summary>Records documents of a dossier; one already recorded (the same file) is kept as it was.</summary>
    [RepeatSafe, Alias("Add")] Task AddAsync(CitizenDocument[] documents);

    [Alias("List")] Task<CitizenDocument[]> ListAsync();

    /// <summary>
    /// The sequence of a result of <paramref name="resultType"/> issued to this holder for <paramref name="dossierCode"/>:
    /// 1 for their first of the type; the same dossier asking again gets the same number.
    /// </summary>
    [RepeatSafe, Alias("ResultSequence")] Task<int> ResultSequenceAsync(string resultType, string dossierCode);
}
