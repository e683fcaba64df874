using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Silo.Seed;

/// <summary>The demo city's staff: the sign-in page's demo users and the desks that filed the demo dossiers, by name.</summary>
public static class DaNang2026People
{
    public static readonly Person[] All =
    [
        new("lan.officer", "Nguyễn Thị Lan", "Công chức Bộ phận Một cửa", DaNang2026.Center, [Role.Officer], true),
        new("demo.officer", "Lê Thị Thu Hà", "Công chức Bộ phận Một cửa", DaNang2026.Center, [Role.Officer], true),
        new("minh.specialist", "Trần Quang Minh", "Chuyên viên", DaNang2026.Justice, [Role.Specialist], true),
        new("demo.specialist", "Phan Văn Tú", "Chuyên viên", DaNang2026.Justice, [Role.Specialist], true),
        new("hoa.leader", "Võ Thị Hoa", "Phó Giám đốc Sở", DaNang2026.Justice, [Role.Leader], true),
        new("demo.leader", "Hồ Thị Minh Nguyệt", "Phó Giám đốc Sở", DaNang2026.Justice, [Role.Leader], true),
        new("an.director", "Đặng Văn An", "Giám đốc Trung tâm", DaNang2026.Center, [Role.Director], true),
        new("admin", "Quản trị hệ thống", null, DaNang2026.Center, [Role.Admin], true),
    ];
}
