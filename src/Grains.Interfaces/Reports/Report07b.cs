using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Grains.Interfaces.Reports;

/// <summary>A section of Biểu 07b: "I" provincial competence or "II" commune competence, by field, with its own total.</summary>
public sealed record Report07bSection(string Number, string Title, Report07aRow[] Rows, Report07aRow Total);

/// <summary>
/// Biểu 07b/BTP/KSTT (Circular 09/2026/TT-BTP), the provincial People's Committee's: section I the dossiers of
/// provincial competence, section II those of commune competence, each by field with 07a's columns and invariant;
/// the grand total adds both. Judged at <see cref="AsOf"/> = min(To, now).
/// </summary>
public sealed record Report07b(DateTimeOffset From, DateTimeOffset To, DateTimeOffset AsOf, Report07bSection[] Sections, Report07aRow Total)
{
    public IReadOnlyList<FormColumn> Columns => Report07aColumns.All;
}

public static class Report07bRules
{
    /// <summary>
    /// Splits the dossiers by the level of their handling agency (<paramref name="levelOf"/>; an agency the directory
    /// does not know counts as provincial) and counts each part by 07a's rules.
    /// </summary>
    public static Report07b Build(IEnumerable<DossierSummary> dossiers, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, Func<string, UnitLevel?> levelOf) =>
        Build(PeriodFacts.Of(dossiers, from, to, now), levelOf);

    public static Report07b Build(PeriodFacts facts, Func<string, UnitLevel?> levelOf)
    {
        var province = Report07aRules.Build(facts.Where(k => !IsCommunes(k.Agency, levelOf)), null);
        var commune = Report07aRules.Build(facts.Where(k => IsCommunes(k.Agency, levelOf)), null);
        var all = Report07aRules.Build(facts, null);
        return new Report07b(facts.From, facts.To, all.AsOf,
        [
            new("I", "Thuộc thẩm quyền giải quyết của cấp tỉnh", province.Rows, province.Total),
            new("II", "Thuộc thẩm quyền giải quyết của cấp xã", commune.Rows, commune.Total),
        ], all.Total);
    }

    /// <summary>Whether a dossier is counted in section II: its handling agency is a commune's (unknown agencies count as the province's).</summary>
    public static bool IsCommunes(DossierSummary dossier, Func<string, UnitLevel?> levelOf) => IsCommunes(dossier.HandlingAgency, levelOf);

    private static bool IsCommunes(string handlingAgency, Func<string, UnitLevel?> levelOf) => levelOf(handlingAgency) == UnitLevel.Commune;
}
