using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Silo.Seed;

/// <summary>
/// Đà Nẵng city after the mergers of 2025, the quick start's center: the city's service center and a reception point,
/// the merged departments (1 March 2025), a few ward and commune centers of the two-level government (1 July 2025),
/// and the Quảng Nam departments re-formed in March that ended with the province. No electronic ID here could be
/// checked offline: each is a placeholder marked for the administrator to configure.
/// </summary>
public static class DaNang2026
{
    public const string Committee = "DNG-UBND";
    public const string Center = "DNG-TTPVHCC";
    public const string TamKyPoint = "DNG-TTPVHCC-TK";
    public const string Finance = "DNG-STC";
    public const string Construction = "DNG-SXD";
    public const string Agriculture = "DNG-SNNMT";
    public const string Science = "DNG-SKHCN";
    public const string Justice = "DNG-STP";
    public const string QuangNamConstruction = "QNA-SXD";
    public const string QuangNamFinance = "QNA-STC";
    public const string QuangNamAgriculture = "QNA-SNNMT";
    public const string QuangNamScience = "QNA-SKHCN";

    public static readonly DateOnly DepartmentsMerged = new(2025, 3, 1);
    public static readonly DateOnly ProvincesMerged = new(2025, 7, 1);

    /// <summary>The wards and communes with a center of their own: code suffix and name.</summary>
    public static readonly (string Code, string Name)[] Communes =
    [
        ("HAICHAU", "phường Hải Châu"),
        ("SONTRA", "phường Sơn Trà"),
        ("HOIAN", "phường Hội An"),
        ("TAMKY", "phường Tam Kỳ"),
        ("HOAVANG", "xã Hòa Vang"),
    ];

    public static string CommuneCommittee(string suffix) => $"DNG-{suffix}";

    public static string CommuneCenter(string suffix) => $"DNG-{suffix}-TT";

    /// <summary>Parents before children, predecessors' successors after them: the order the directory accepts them in.</summary>
    public static readonly UnitInfo[] All = Build();

    private static UnitInfo[] Build()
    {
        var id = 0;
        string NextId() => $"000.00.{++id:D2}.H17";
        UnitInfo City(string code, string name, UnitKind kind, string? parent) =>
            new(code, name, NextId(), kind) { Level = UnitLevel.Province, Parent = parent, ValidFrom = ProvincesMerged, ElectronicIdToConfigure = true };
        UnitInfo QuangNam(string code, string name, string successor) =>
            new(code, name, $"000.00.{30 + id++:D2}.H47", UnitKind.HandlingAgency)
            {
                Level = UnitLevel.Province, Parent = QuangNam2019Units.Committee, ValidFrom = DepartmentsMerged, ValidTo = ProvincesMerged.AddDays(-1),
                Successor = successor, ElectronicIdToConfigure = true,
            };

        UnitInfo[] quangNam =
        [
            QuangNam(QuangNamConstruction, "Sở Xây dựng tỉnh Quảng Nam", Construction),
            QuangNam(QuangNamFinance, "Sở Tài chính tỉnh Quảng Nam", Finance),
            QuangNam(QuangNamAgriculture, "Sở Nông nghiệp và Môi trường tỉnh Quảng Nam", Agriculture),
            QuangNam(QuangNamScience, "Sở Khoa học và Công nghệ tỉnh Quảng Nam", Science),
        ];
        id = 0;
        UnitInfo[] city =
        [
            City(Committee, "Ủy ban nhân dân thành phố Đà Nẵng", UnitKind.HandlingAgency, null),
            City(Center, "Trung tâm Phục vụ hành chính công thành phố Đà Nẵng", UnitKind.ServiceCenter, Committee),
            City(TamKyPoint, "Chi nhánh Tam Kỳ — Trung tâm Phục vụ hành chính công thành phố Đà Nẵng", UnitKind.ReceptionPoint, Center),
            City(Finance, "Sở Tài chính", UnitKind.HandlingAgency, Committee),
            City(Construction, "Sở Xây dựng", UnitKind.HandlingAgency, Committee),
            City(Agriculture, "Sở Nông nghiệp và Môi trường", UnitKind.HandlingAgency, Committee),
            City(Science, "Sở Khoa học và Công nghệ", UnitKind.HandlingAgency, Committee),
            City(Justice, "Sở Tư pháp", UnitKind.HandlingAgency, Committee),
            City("DNG-SYT", "Sở Y tế", UnitKind.HandlingAgency, Committee),
            City("DNG-SCT", "Sở Công Thương", UnitKind.HandlingAgency, Committee),
            City("DNG-SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", UnitKind.HandlingAgency, Committee),
            City("DNG-CA", "Công an thành phố Đà Nẵng", UnitKind.HandlingAgency, Committee),
        ];
        var communes = Communes.SelectMany(c => new[]
        {
            City(CommuneCommittee(c.Code), $"Ủy ban nhân dân {c.Name}", UnitKind.HandlingAgency, Committee) with { Level = UnitLevel.Commune },
            City(CommuneCenter(c.Code), $"Trung tâm Phục vụ hành chính công {c.Name}", UnitKind.ServiceCenter, CommuneCommittee(c.Code)) with { Level = UnitLevel.Commune },
        });
        return [.. quangNam, .. city, .. communes];
    }
}
