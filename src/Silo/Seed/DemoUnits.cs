using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Silo.Seed;

/// <summary>The center and the departments of the 2019 Quảng Nam report, with H47-style electronic IDs.</summary>
public static class DemoUnits
{
    public const string Center = "TTHCC";

    public static readonly UnitInfo[] All =
    [
        new(Center, "Trung tâm Phục vụ Hành chính công tỉnh Quảng Nam", "000.00.20.H47", UnitKind.OneStop),
        new("UBND", "Ủy ban nhân dân tỉnh Quảng Nam", "000.00.01.H47", UnitKind.Agency),
        new("SCT", "Sở Công Thương", "000.00.05.H47", UnitKind.Agency),
        new("SGTVT", "Sở Giao thông vận tải", "000.00.10.H47", UnitKind.Agency),
        new("SKHDT", "Sở Kế hoạch và Đầu tư", "000.00.07.H47", UnitKind.Agency),
        new("STNMT", "Sở Tài nguyên và Môi trường", "000.00.14.H47", UnitKind.Agency),
        new("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "000.00.17.H47", UnitKind.Agency),
        new("STP", "Sở Tư pháp", "000.00.13.H47", UnitKind.Agency),
        new("STTTT", "Sở Thông tin và Truyền thông", "000.00.15.H47", UnitKind.Agency),
        new("SYT", "Sở Y tế", "000.00.19.H47", UnitKind.Agency),
        new("SKHCN", "Sở Khoa học và Công nghệ", "000.00.06.H47", UnitKind.Agency),
        new("CAT", "Công an tỉnh Quảng Nam", "000.00.21.H47", UnitKind.Agency),
    ];
}
