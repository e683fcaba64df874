using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Silo.Seed;

/// <summary>
/// The center and departments of the 2019 Quảng Nam report, with H47-style electronic IDs, for the replay. Each ends
/// when it merged: four departments into the departments re-formed on 1 March 2025, the rest with the province on
/// 1 July 2025 into Đà Nẵng city (<see cref="DaNang2026"/> holds the successors).
/// </summary>
public static class QuangNam2019Units
{
    public const string Center = "TTHCC";
    public const string Committee = "UBND";

    private static readonly DateOnly BeforeDepartmentMerger = new(2025, 2, 28);
    private static readonly DateOnly BeforeProvinceMerger = new(2025, 6, 30);

    public static readonly UnitInfo[] All =
    [
        Unit(Committee, "Ủy ban nhân dân tỉnh Quảng Nam", "000.00.01.H47", UnitKind.HandlingAgency, null, BeforeProvinceMerger, DaNang2026.Committee),
        Unit(Center, "Trung tâm Phục vụ Hành chính công tỉnh Quảng Nam", "000.00.20.H47", UnitKind.ServiceCenter, Committee, BeforeProvinceMerger, DaNang2026.Center),
        Department("SCT", "Sở Công Thương", "000.00.05.H47", BeforeProvinceMerger, "DNG-SCT"),
        Department("SGTVT", "Sở Giao thông vận tải", "000.00.10.H47", BeforeDepartmentMerger, DaNang2026.QuangNamConstruction),
        Department("SKHDT", "Sở Kế hoạch và Đầu tư", "000.00.07.H47", BeforeDepartmentMerger, DaNang2026.QuangNamFinance),
        Department("STNMT", "Sở Tài nguyên và Môi trường", "000.00.14.H47", BeforeDepartmentMerger, DaNang2026.QuangNamAgriculture),
        Department("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "000.00.17.H47", BeforeProvinceMerger, "DNG-SVHTTDL"),
        Department("STP", "Sở Tư pháp", "000.00.13.H47", BeforeProvinceMerger, "DNG-STP"),
        Department("STTTT", "Sở Thông tin và Truyền thông", "000.00.15.H47", BeforeDepartmentMerger, DaNang2026.QuangNamScience),
        Department("SYT", "Sở Y tế", "000.00.19.H47", BeforeProvinceMerger, "DNG-SYT"),
        Department("SKHCN", "Sở Khoa học và Công nghệ", "000.00.06.H47", BeforeDepartmentMerger, DaNang2026.QuangNamScience),
        Department("CAT", "Công an tỉnh Quảng Nam", "000.00.21.H47", BeforeProvinceMerger, "DNG-CA"),
    ];

    private static UnitInfo Department(string code, string name, string electronicId, DateOnly validTo, string successor) =>
        Unit(code, name, electronicId, UnitKind.HandlingAgency, Committee, validTo, successor);

    private static UnitInfo Unit(string code, string name, string electronicId, UnitKind kind, string? parent, DateOnly validTo, string successor) =>
        new(code, name, electronicId, kind) { Level = UnitLevel.Province, Parent = parent, ValidTo = validTo, Successor = successor };
}
