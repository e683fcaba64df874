using System.Text.Json.Serialization;

namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>One Art. 33(1) item of a rating, by its letter, and the level given.</summary>
[GenerateSerializer, Immutable, Alias("hcc.RatedItem")]
public sealed record RatedItem([property: Id(0)] string Item, [property: Id(1)] SatisfactionRating Rating);

/// <summary>
/// The items a citizen rates (Decree 118/2025 Art. 33(1); docs/rules/documents-and-results.md "Rating"): the level
/// items by their letter, and the two counts (b: agencies contacted, c: contacts with the receiving agency).
/// </summary>
public static class SatisfactionItems
{
    public static readonly IReadOnlyDictionary<string, string> Levels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["a"] = "Thời gian trả kết quả so với quy định",
        ["d"] = "Mức độ chính xác, đầy đủ, kịp thời của thủ tục được công khai",
        ["dd"] = "Thái độ ứng xử của cán bộ, công chức",
        ["e"] = "Tính hợp pháp của kết quả và chi phí phải trả",
        ["g"] = "Thời gian, chất lượng trả lời phản ánh, kiến nghị, khiếu nại",
        ["h"] = "Tiến độ, chất lượng dịch vụ công trực tuyến",
        ["i"] = "Nội dung khác",
    };

    public const int MaxCount = 100;
}

/// <summary>What a dossier adds to Decision 766's figures beyond its status: how its payment was made, its rating's Art. 33(1) items.</summary>
[GenerateSerializer, Immutable, Alias("hcc.DossierFigures")]
public sealed record DossierFigures(
    [property: Id(0), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? PaidAt = null,
    [property: Id(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PaymentMethod? PaidBy = null,
    [property: Id(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RatedItem[]? RatingItems = null,
    [property: Id(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? AgenciesContacted = null,
    [property: Id(4), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Contacts = null,
    [property: Id(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Digitised = null,
    [property: Id(6), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Reused = null,
    [property: Id(7), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? ElectronicResult = null);
