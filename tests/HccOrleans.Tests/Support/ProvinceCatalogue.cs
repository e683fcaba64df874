using System.Runtime.CompilerServices;

namespace HccOrleans.Tests.Support;

/// <summary>
/// A province's catalogue for the counter's tests: 1,500 generated procedures (names built from common words of
/// administrative procedures, none of them "lý" or "lịch") beside "Cấp Phiếu lý lịch tư pháp", which lists three
/// required components and a fee at submission. Written once per engine through the administrator's API.
/// </summary>
public static class ProvinceCatalogue
{
    public const int Generated = 1_500;

    private static readonly ConditionalWeakTable<BrowserEngine, Task> Seeded = [];

    private static readonly string[] Acts = ["Cấp", "Cấp lại", "Đăng ký", "Gia hạn", "Điều chỉnh", "Thu hồi", "Xác nhận", "Công nhận", "Thẩm định", "Phê duyệt"];

    private static readonly string[] Subjects =
    [
        "giấy phép kinh doanh", "giấy phép xây dựng", "khai sinh", "kết hôn", "quyền sử dụng đất", "hộ kinh doanh", "giấy phép môi trường",
        "phù hiệu xe kinh doanh vận tải", "chứng chỉ hành nghề y", "giấy phép thành lập trường", "mã số thuế", "hợp tác xã", "bản đồ địa chính",
        "giấy phép lao động cho người nước ngoài", "cơ sở bán thuốc", "nhà ở xã hội", "biển hiệu quảng cáo", "giấy phép khai thác nước mặt",
        "chứng nhận an toàn thực phẩm", "giấy phép hoạt động in",
    ];

    public static Task SeedAsync(BrowserEngine engine)
    {
        lock (Seeded)
        {
            if (!Seeded.TryGetValue(engine, out var seeding))
            {
                seeding = SeedNowAsync(engine);
                Seeded.Add(engine, seeding);
            }

            return seeding;
        }
    }

    public static ProcedureDefinition CriminalRecord { get; } = TestCatalogue.Procedures[0].Definition with
    {
        Name = "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
        Components =
        [
            new CatalogueComponent("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", Original: true, Required: true),
            new CatalogueComponent("Bản sao CCCD", Original: false, Required: true),
            new CatalogueComponent("Bản sao giấy tờ chứng minh nơi cư trú", Original: false, Required: true),
        ],
        Fees = [new ProcedureFee("Phí cung cấp thông tin lý lịch tư pháp", 200_000m, FeeTiming.Submission)],
        ResultTypes = [new ResultType("LLTP", "Phiếu lý lịch tư pháp")],
    };

    private static async Task SeedNowAsync(BrowserEngine engine)
    {
        using var admin = await engine.ClientAsync("admin", ["admin"], "");
        await PutAsync(admin, "2.001418.000.00.00.T", CriminalRecord);
        await Parallel.ForEachAsync(Enumerable.Range(0, Generated), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, _) =>
        {
            var name = $"{Acts[n % Acts.Length]} {Subjects[n / Acts.Length % Subjects.Length]} (mẫu {n + 1:0000})";
            await PutAsync(admin, $"9.{n + 500_000:000000}.000.00.00.G", TestCatalogue.Procedures[0].Definition with { Name = name, Field = "Sinh thử" });
        });
    }

    private static async Task PutAsync(HttpClient admin, string code, ProcedureDefinition definition)
    {
        using var response = await admin.PutAsJsonAsync($"/api/procedures/{code}", definition, DevTokens.Json);
        Assert.True(response.IsSuccessStatusCode, $"{code}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
