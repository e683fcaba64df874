using Npgsql;

namespace HccOrleans.Bench.Suite;

/// <summary>
/// Dossiers for the staff search, loaded set-based through SQL: an index row and a search row each, as the engine writes
/// them (the search text folded without accents: official code, registration number, ID number, name). Names are drawn
/// from the commonest Vietnamese family, middle and given names, the family names about as often as in the population
/// (Nguyễn in a third), so that a name search meets the crowds it meets at a real center.
/// </summary>
internal static class SearchLoad
{
    private static readonly (string Accented, int Weight)[] Families =
    [
        ("Nguyễn", 38), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 3), ("Huỳnh", 2), ("Phan", 4), ("Vũ", 2), ("Võ", 2),
        ("Đặng", 2), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 1), ("Ngô", 1), ("Dương", 1), ("Lý", 1), ("Đào", 1), ("Đoàn", 1),
        ("Trương", 1), ("Lương", 1), ("Mai", 1), ("Tô", 1), ("Cao", 1), ("Lâm", 1), ("Hà", 1), ("Châu", 1), ("Tạ", 1),
        ("Thái", 1), ("Kiều", 1),
    ];

    public static readonly string[] Middles = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân", "Thu", "Công", "Đình"];

    public static readonly string[] Givens =
    [
        "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Huy", "Khang", "Khoa",
        "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngọc", "Nhung", "Phong", "Phúc", "Phương", "Quân", "Quang",
        "Sơn", "Tâm", "Thảo", "Thắng", "Thành", "Thủy", "Tiến", "Trang", "Trung", "Tuấn", "Tùng", "Uyên", "Vân", "Việt",
        "Vinh", "Yến", "Bảo", "Đạt", "Duy", "Hòa", "Kiên",
    ];

    /// <summary>The family names, each repeated by its weight: one draw from it follows the population.</summary>
    public static string[] FamilyDraws { get; } = [.. Families.SelectMany(f => Enumerable.Repeat(f.Accented, f.Weight))];

    public static string OfficialCode(int i) => $"000.00.20.H47-{260101 + i % 28:D6}-{i % 1_000_000:D6}";

    public static string Code(int i) => $"HS{i:D9}";

    public static string IdNumber(int i) => $"049{(i * 7_919L) % 1_000_000_000:D9}";

    /// <summary>The applicant of the i-th dossier: the same draw as the SQL below.</summary>
    public static string Name(int i) =>
        $"{FamilyDraws[(int)((i * 2_654_435_761L) % FamilyDraws.Length)]} {Middles[(int)((i * 40_503L) % Middles.Length)]} {Givens[(int)((i * 69_069L) % Givens.Length)]}";

    public static async Task LoadAsync(NpgsqlDataSource data, string serviceId, int dossiers)
    {
        var accented = string.Concat(FamilyDraws.Concat(Middles).Concat(Givens).SelectMany(n => n).Distinct().Where(c => !char.IsAscii(c)));
        await using var connection = await data.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            CREATE TEMP TABLE search_load AS
            SELECT i, 'HS' || lpad(i::text, 9, '0') AS code,
                   '000.00.20.H47-' || (260101 + i % 28)::text || '-' || lpad((i % 1000000)::text, 6, '0') AS official,
                   '049' || lpad(((i::bigint * 7919) % 1000000000)::text, 9, '0') AS id_number,
                   ($1::text[])[1 + (i::bigint * 2654435761) % {FamilyDraws.Length}] || ' ' || ($2::text[])[1 + (i::bigint * 40503) % {Middles.Length}]
                       || ' ' || ($3::text[])[1 + (i::bigint * 69069) % {Givens.Length}] AS name,
                   timestamptz '2026-01-01 08:00+07' + (i % 330) * interval '1 day' + (i % 9) * interval '1 hour' AS at
            FROM generate_series(1, {dossiers}) AS i
            """) { Parameters = { new() { Value = FamilyDraws }, new() { Value = Middles }, new() { Value = Givens } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            INSERT INTO hcc_dossier_index (
                service_id, code, version, status, step, handling_started, procedure_code, procedure_version, procedure_name, field,
                receiving_unit, handling_agency, step_agency, agencies, channel, applicant_name, submitted_at, received_at, due_at,
                completed_at, returned_at, completion, outcome, supplement_requests, paused_hours, apologized, resolution_hours,
                online_level, step_started_at, overdue_spans)
            SELECT *, hcc_overdue_spans('[]', status, due_at) FROM (
            SELECT $1, code, 6, CASE WHEN i % 10 = 0 THEN 'processing' ELSE 'returned' END AS status, CASE WHEN i % 10 = 0 THEN 'appraise' ELSE 'none' END,
                   true, '2.001417.000.00.00.H47', 1, 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam', 'Lý lịch tư pháp', 'TTHCC', 'STP',
                   CASE WHEN i % 10 = 0 THEN 'STP' END, ARRAY['TTHCC', 'STP'], (ARRAY['direct', 'online', 'postal'])[i % 3 + 1], name,
                   at - interval '1 hour', at, at + interval '14 days' AS due_at,
                   CASE WHEN i % 10 <> 0 THEN at + interval '7 days' END, CASE WHEN i % 10 <> 0 THEN at + interval '8 days' END,
                   CASE WHEN i % 10 <> 0 THEN 'early' END, CASE WHEN i % 10 <> 0 THEN 'granted' END, 0, 0, false,
                   CASE WHEN i % 10 <> 0 THEN 40 END, 'full', at
            FROM search_load) x
            """) { Parameters = { new() { Value = serviceId } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            INSERT INTO hcc_dossier_search (service_id, code, search_text)
            SELECT $1, code, lower(official || ' ' || code || ' ' || id_number || ' ' || translate(name, $2, $3)) FROM search_load
            """) { Parameters = { new() { Value = serviceId }, new() { Value = accented }, new() { Value = HccOrleans.Grains.Interfaces.Model.Unaccented.Fold(accented) } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("DROP TABLE search_load"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("ANALYZE hcc_dossier_index"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("ANALYZE hcc_dossier_search"));
        batch.Timeout = 0;
        await batch.ExecuteNonQueryAsync();
    }
}
