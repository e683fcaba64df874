using HccOrleans.Api.Web;

namespace HccOrleans.Tests.Domain;

/// <summary>The counter's picker: found without accents, every word typed, by code too, the unit's most used first.</summary>
[Trait("Category", "Domain")]
public sealed class ProcedureSearchTests
{
    private static readonly ProcedureVersion[] Catalogue =
    [
        Version("2.001418.000.00.00.H47", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam"),
        Version("2.001419.000.00.00.H47", "Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng"),
        Version("1.004227.000.00.00.H47", "Đăng ký khai sinh"),
        Version("1.001193.000.00.00.H47", "Đăng ký kết hôn"),
    ];

    [Theory]
    [InlineData("Đỗ Văn Khoa", "do van khoa")]
    [InlineData("LÝ LỊCH TƯ PHÁP", "ly lich tu phap")]
    [InlineData("Nguyễn Đức Thắng", "nguyen duc thang")]
    public void Fold_DropsMarksAndCase_AndReadsĐAsD(string text, string folded) => Assert.Equal(folded, Unaccented.Fold(text));

    [Fact]
    public void Find_TakesEveryWordTyped_WithoutAccents_OrTheCode()
    {
        var none = new Dictionary<string, int>();
        Assert.Equal(["2.001418.000.00.00.H47", "2.001419.000.00.00.H47"], ProcedureSearch.Find(Catalogue, "ly lich", none).Select(p => p.Code));
        Assert.Equal(["1.004227.000.00.00.H47"], ProcedureSearch.Find(Catalogue, "dang ky sinh", none).Select(p => p.Code));
        Assert.Equal(["1.001193.000.00.00.H47"], ProcedureSearch.Find(Catalogue, "1.001193", none).Select(p => p.Code));
        Assert.Empty(ProcedureSearch.Find(Catalogue, "ly hon", none));
    }

    [Fact]
    public void Find_PutsTheUnitsMostUsedFirst_ThenByName()
    {
        var usage = new Dictionary<string, int> { ["2.001419.000.00.00.H47"] = 12, ["1.001193.000.00.00.H47"] = 3 };
        Assert.Equal(["2.001419.000.00.00.H47", "2.001418.000.00.00.H47"], ProcedureSearch.Find(Catalogue, "lý lịch", usage).Select(p => p.Code));
        Assert.Equal("2.001419.000.00.00.H47", ProcedureSearch.Find(Catalogue, "", usage)[0].Code);
        Assert.Equal("1.001193.000.00.00.H47", ProcedureSearch.Find(Catalogue, "", usage)[1].Code);
    }

    private static ProcedureVersion Version(string code, string name) =>
        new(code, 1, TestCatalogue.Procedures[0].Definition with { Name = name }, TestCatalogue.Epoch);
}
