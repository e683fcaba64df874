namespace HccOrleans.Tests.Support;

/// <summary>
/// A two-level province of its own for one test, its codes prefixed so that tests sharing an engine never meet: the
/// province's committee, its service center, one department, and two communes each with its committee and center.
/// </summary>
public sealed record TestProvince(string Prefix)
{
    public string Committee => $"{Prefix}-UBND";
    public string Center => $"{Prefix}-TT";
    public string Department => $"{Prefix}-SO";
    public string Commune => $"{Prefix}-XA";
    public string CommuneCenter => $"{Prefix}-XA-TT";
    public string OtherCommune => $"{Prefix}-XB";
    public string OtherCommuneCenter => $"{Prefix}-XB-TT";

    /// <summary>A provincial procedure of the department, 10 working days; and a commune-level one, 5.</summary>
    public string ProvincialProcedure => $"{Prefix}.P.1";
    public string CommuneProcedure => $"{Prefix}.X.1";

    public string Field => $"Lĩnh vực {Prefix}";

    public UnitInfo[] Units =>
    [
        Unit(Committee, "Ủy ban nhân dân tỉnh thử nghiệm", UnitKind.HandlingAgency, UnitLevel.Province, null, 1),
        Unit(Center, "Trung tâm Phục vụ hành chính công tỉnh", UnitKind.ServiceCenter, UnitLevel.Province, Committee, 2),
        Unit(Department, "Sở thử nghiệm", UnitKind.HandlingAgency, UnitLevel.Province, Committee, 3),
        Unit(Commune, "Ủy ban nhân dân xã A", UnitKind.HandlingAgency, UnitLevel.Commune, Committee, 4),
        Unit(CommuneCenter, "Trung tâm Phục vụ hành chính công xã A", UnitKind.ServiceCenter, UnitLevel.Commune, Commune, 5),
        Unit(OtherCommune, "Ủy ban nhân dân xã B", UnitKind.HandlingAgency, UnitLevel.Commune, Committee, 6),
        Unit(OtherCommuneCenter, "Trung tâm Phục vụ hành chính công xã B", UnitKind.ServiceCenter, UnitLevel.Commune, OtherCommune, 7),
    ];

    public (string Code, ProcedureDefinition Definition)[] Procedures =>
    [
        (ProvincialProcedure, new ProcedureDefinition("Thủ tục cấp tỉnh", Department, Field, OnlineLevel.Full, true, 0m,
            new ProcessingTime(10, TimeUnit.WorkingDays), null, [], null) { CompetentLevel = UnitLevel.Province }),
        (CommuneProcedure, new ProcedureDefinition("Thủ tục cấp xã", "", $"{Field} (xã)", OnlineLevel.Full, true, 0m,
            new ProcessingTime(5, TimeUnit.WorkingDays), null, [], null) { CompetentLevel = UnitLevel.Commune }),
    ];

    public SubmissionRequest Request(string procedure, string receivingUnit, FilingChannel channel = FilingChannel.Direct, string? competentAgency = null) =>
        TestCatalogue.Request(procedure, channel, receivingUnit) with { CompetentAgency = competentAgency };

    /// <summary>Enters the units and procedures through the API, as an administrator would.</summary>
    public async Task EnterAsync(HttpClient admin, JsonSerializerOptions json)
    {
        foreach (var unit in Units)
        {
            using var put = await admin.PutAsJsonAsync($"/api/units/{unit.AgencyCode}", UnitBody(unit), json);
            Assert.True(put.IsSuccessStatusCode, $"{unit.AgencyCode}: {put.StatusCode} {await put.Content.ReadAsStringAsync()}");
        }

        foreach (var (code, definition) in Procedures)
        {
            using var put = await admin.PutAsJsonAsync($"/api/procedures/{code}", definition, json);
            Assert.True(put.IsSuccessStatusCode, $"{code}: {put.StatusCode} {await put.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>A unit as the API's PUT body spells it.</summary>
    public static object UnitBody(UnitInfo unit) => new
    {
        name = unit.Name,
        electronicId = unit.ElectronicId,
        kind = EnumWords.Of(unit.Kind),
        level = EnumWords.Of(unit.Level),
        parent = unit.Parent,
        validFrom = unit.ValidFrom,
        validTo = unit.ValidTo,
        successor = unit.Successor,
        electronicIdToConfigure = unit.ElectronicIdToConfigure,
    };

    private UnitInfo Unit(string code, string name, UnitKind kind, UnitLevel level, string? parent, int number) =>
        new(code, name, $"{Prefix}.{number:D2}.T", kind) { Level = level, Parent = parent };
}
