namespace HccOrleans.Tests.Support;

/// <summary>Units, procedures and actors that the grain and API tests share.</summary>
public static class TestCatalogue
{
    public const string OneStop = "ONE";
    public const string BulkOneStop = "BULK";
    public const string AgencyA = "AGA";
    public const string AgencyB = "AGB";

    public static readonly UnitInfo[] Units =
    [
        new(OneStop, "Bộ phận một cửa thử nghiệm", "000.00.99.H47", UnitKind.ServiceCenter),
        new(BulkOneStop, "Bộ phận một cửa tải lớn", "000.00.98.H47", UnitKind.ServiceCenter),
        new(AgencyA, "Sở A", "000.00.97.H47", UnitKind.HandlingAgency),
        new(AgencyB, "Sở B", "000.00.96.H47", UnitKind.HandlingAgency),
    ];

    /// <summary>10 working days, pause policy, handled by agency A; online and postal allowed.</summary>
    public const string Standard = "9.000001.000.00.00.T";

    /// <summary>Appraised by agency A, approved by agency B (liên thông).</summary>
    public const string InterAgency = "9.000002.000.00.00.T";

    /// <summary>Not offered online, no postal filing.</summary>
    public const string CounterOnly = "9.000003.000.00.00.T";

    /// <summary>
    /// Inter-agency work led by agency A: A's part first (2 working days), then B's (3); at once for an online
    /// dossier. 10 working days, pause policy.
    /// </summary>
    public const string LedByA = "9.000004.000.00.00.T";

    public static readonly (string Code, ProcedureDefinition Definition)[] Procedures =
    [
        (Standard, new ProcedureDefinition("Thủ tục thử nghiệm", AgencyA, "Thử nghiệm", OnlineLevel.Full, true, 0m,
            new ProcessingTime(10, TimeUnit.WorkingDays), null, [], SupplementPolicy: null)),
        (InterAgency, new ProcedureDefinition("Thủ tục liên thông", AgencyA, "Thử nghiệm", OnlineLevel.Partial, false, 0m,
            new ProcessingTime(10, TimeUnit.WorkingDays), null,
            [new(ProcessingStep.Appraise, AgencyA, 0.5m), new(ProcessingStep.Approve, AgencyB, 0.4m), new(ProcessingStep.Return, AgencyA, 0.1m)],
            SupplementPolicy.Pause)),
        (CounterOnly, new ProcedureDefinition("Thủ tục tại quầy", AgencyA, "Thử nghiệm", OnlineLevel.None, false, 0m,
            new ProcessingTime(5, TimeUnit.WorkingDays), null, [], SupplementPolicy.Pause)),
        (LedByA, new ProcedureDefinition("Thủ tục liên thông có cơ quan chủ trì", AgencyA, "Thử nghiệm", OnlineLevel.Full, true, 0m,
            new ProcessingTime(10, TimeUnit.WorkingDays), null, [], SupplementPolicy.Pause)
        {
            LeadAgency = AgencyA,
            Agencies = [new(AgencyA, 1, new ProcessingTime(2, TimeUnit.WorkingDays)), new(AgencyB, 2, new ProcessingTime(3, TimeUnit.WorkingDays))],
        }),
    ];

    /// <summary>The staff directory of the HTTP and page tests: the users their desks sign in as, and a second specialist of A.</summary>
    public static readonly Person[] People =
    [
        new("officer.one", "Lê Thị Quầy", "Công chức một cửa", OneStop, [Role.Officer], true),
        new($"specialist.{AgencyA}", "Nguyễn Văn Thẩm", "Chuyên viên", AgencyA, [Role.Specialist], true),
        new($"second.{AgencyA}", "Trần Thị Định", "Chuyên viên", AgencyA, [Role.Specialist], true),
        new($"leader.{AgencyA}", "Phạm Văn Duyệt", "Trưởng phòng", AgencyA, [Role.Leader], true),
        new($"specialist.{AgencyB}", "Võ Thị Bê", "Chuyên viên", AgencyB, [Role.Specialist], true),
    ];

    public static readonly Actor Officer = new("officer.one", [Role.Officer], OneStop);
    public static readonly Actor OtherOfficer = new("officer.bulk", [Role.Officer], BulkOneStop);
    public static readonly Actor Portal = new("portal", [Role.Portal], "");
    public static readonly Actor SpecialistA = new("specialist.a", [Role.Specialist], AgencyA);
    public static readonly Actor SpecialistB = new("specialist.b", [Role.Specialist], AgencyB);
    public static readonly Actor LeaderA = new("leader.a", [Role.Leader], AgencyA);
    public static readonly Actor LeaderB = new("leader.b", [Role.Leader], AgencyB);
    public static readonly Actor Director = new("director", [Role.Director], "");

    public static SubmissionRequest Request(string procedure = Standard, FilingChannel channel = FilingChannel.Direct, string unit = OneStop, string name = "Trần Thị Bình") =>
        new(procedure, unit, channel, new Applicant(name, "049190004321", "0905111222", "binh@example.vn", "Tam Kỳ, Quảng Nam"),
            [new DocumentItem("Tờ khai", 1), new DocumentItem("Bản sao CCCD", 1)], null);

    /// <summary>The first instant of the test clock: Monday 7 Jan 2030, 08:00 in Vietnam.</summary>
    public static readonly DateTimeOffset Epoch = new(2030, 1, 7, 8, 0, 0, TimeSpan.FromHours(7));

    /// <summary>Years the tests run in; entered with no holidays, so that every weekday is a working day.</summary>
    public static readonly int[] TestYears = [2029, 2030, 2031, 2032];
}
