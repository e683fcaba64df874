using System.Text.Json;
using HccOrleans.Grains.Interfaces.Reports;
using HccOrleans.Persistence;
using HccOrleans.Persistence.Queries;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using HccOrleans.Tests.Domain;
using static HccOrleans.Tests.Support.TestCalendars;

namespace HccOrleans.Tests.PostgreSQL;

/// <summary>
/// The reports aggregated in PostgreSQL give every cell the C# definitions give: II.06a (by agency, and by field),
/// 07a (all, and one agency's), 07b, the KPIs with Decision 766's figures, and the KPI page's counts per day and of
/// dossiers due soon, over the hand-built set of the report
/// tests and a randomised one, for closed periods, periods judged in their middle (at an instant with ticks below the
/// microsecond) and periods before any dossier.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class ReportParityTests(PostgresServer postgres)
{
    private const string Service = "parity";
    private const string Commune = "XA";
    private const int SoonDays = 10;

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    [Fact]
    public async Task EveryCell_OfEveryReport_IsTheSameInSqlAsInCSharp_OnTheHandBuiltSet()
    {
        // One more dossier falls due at the very instant a period is judged at (not yet overdue then, overdue a tick
        // later), and is received three ticks after another instant it is judged at; another falls due as "soon" ends.
        var dueNow = Vn(2019, 6, 10, 17);
        DossierSummary[] set =
        [
            .. ReportRulesTests.Set.Select(d => d.Code is "d03-online-partial-early" or "d14-two-supplements" ? d with { HandlingAgency = Commune } : d),
            ReportRulesTests.D("d99-due-at-the-instant", DossierStatus.Processing, received: Vn(2019, 6, 3, 8), due: dueNow),
            ReportRulesTests.D("d98-due-as-soon-ends", DossierStatus.Processing, received: Vn(2019, 6, 3, 8), due: Vn(2019, 6, 5, 9).AddDays(SoonDays)),

            // Received at the midnight that starts the unfinished last day of a period judged on that day.
            ReportRulesTests.D("d94-received-at-midnight", DossierStatus.Processing, received: Vn(2019, 6, 10, 0), due: Vn(2019, 6, 20, 17)),

            // Due-date histories read through their overdue spans: due at the very instant judged; beginning after
            // receipt with a first change already past due; changes recorded out of order (the last made at or before
            // the instant is in force, here a supplement request that stops the clock).
            ReportRulesTests.D("d97-history-due-at-the-instant", DossierStatus.Processing, received: Vn(2019, 6, 3, 8), due: dueNow) with
            {
                DueHistory = [new DueChange(Vn(2019, 6, 3, 8), dueNow, DueChangeReason.Received)],
            },
            ReportRulesTests.D("d96-history-begins-after-receipt", DossierStatus.Processing, received: Vn(2019, 6, 1, 8), due: Vn(2019, 6, 5, 8)) with
            {
                DueHistory = [new DueChange(Vn(2019, 6, 20, 8), Vn(2019, 6, 5, 8), DueChangeReason.Extended)],
            },
            ReportRulesTests.D("d95-history-out-of-order", DossierStatus.Processing, received: Vn(2019, 6, 1, 8), due: Vn(2019, 7, 30, 8)) with
            {
                DueHistory =
                [
                    new DueChange(Vn(2019, 6, 1, 8), Vn(2019, 6, 3, 8), DueChangeReason.Received),
                    new DueChange(Vn(2019, 6, 20, 8), Vn(2019, 7, 30, 8), DueChangeReason.Extended),
                    new DueChange(Vn(2019, 6, 10, 8), null, DueChangeReason.SupplementRequested),
                ],
            },
        ];
        await using var database = await DatabaseWithAsync(set);

        foreach (var (from, to, now) in new[]
        {
            (ReportRulesTests.From, ReportRulesTests.To, ReportRulesTests.Now),
            (ReportRulesTests.From, ReportRulesTests.To, Vn(2019, 5, 2, 9).AddTicks(3)),
            (ReportRulesTests.From, ReportRulesTests.To, dueNow),
            (ReportRulesTests.From, ReportRulesTests.To, dueNow.AddTicks(3)),
            (ReportRulesTests.From, ReportRulesTests.To, Vn(2019, 6, 3, 8).AddTicks(-3)),
            (ReportRulesTests.From, ReportRulesTests.To, Vn(2019, 6, 5, 9)),
            (Vn(2019, 1, 1, 0), Vn(2020, 1, 1, 0), ReportRulesTests.Now),
            (Vn(2018, 1, 1, 0), Vn(2018, 2, 1, 0), ReportRulesTests.Now),
        })
        {
            await AssertSameAsync(database, set, from, to, now);
        }
    }

    [Fact]
    public async Task EveryCell_OfEveryReport_IsTheSameInSqlAsInCSharp_OnARandomisedSet()
    {
        const int seed = 20261205;
        var set = RandomSet(new Random(seed), 3_000);
        await using var database = await DatabaseWithAsync(set);

        var year = Vn(2025, 1, 1, 0);
        var periods = new List<(DateTimeOffset From, DateTimeOffset To, DateTimeOffset Now)>();
        for (var month = 0; month < 12; month += 2)
        {
            periods.Add((year.AddMonths(month), year.AddMonths(month + 1), year.AddYears(2)));
        }

        periods.Add((year, year.AddYears(1), year.AddYears(2)));
        periods.Add((year.AddMonths(3), year.AddMonths(6), year.AddMonths(4).AddDays(10).AddHours(10).AddTicks(7)));
        periods.Add((year.AddMonths(9), year.AddMonths(10), year.AddMonths(9).AddDays(17).AddMinutes(1)));
        periods.Add((year.AddYears(-1), year, year.AddYears(2)));

        // A period that starts inside a month reads the dossiers open at its start; one that starts inside a day, and one
        // judged before it starts, are read from the rows, not the sums.
        periods.Add((year.AddMonths(2).AddDays(10), year.AddMonths(4), year.AddYears(2)));
        periods.Add((year.AddMonths(6).AddDays(3), year.AddMonths(7), year.AddMonths(6).AddDays(20).AddHours(15).AddTicks(3)));
        periods.Add((year.AddMonths(5).AddHours(9), year.AddMonths(7), year.AddYears(2)));
        periods.Add((year.AddMonths(8), year.AddMonths(9), year.AddMonths(7).AddDays(3)));
        var dueSoon = 0;
        foreach (var (from, to, now) in periods)
        {
            dueSoon += await AssertSameAsync(database, set, from, to, now, $"seed {seed}");
        }

        Assert.True(dueSoon >= 10, $"only {dueSoon} dossiers due soon compared");

        // The set exercises every cell: a year of it leaves no column of 07a at zero and every KPI defined.
        var facts = PeriodFacts.Of(set, year, year.AddYears(1), year.AddYears(2));
        Assert.DoesNotContain(0, Report07aColumns.Values(Report07aRules.Build(facts, null).Total));
        var kpi = Kpi(facts);
        Assert.All(new[] { kpi.OnTimeRate, kpi.FullOnlineRate, kpi.PartialOnlineRate, kpi.PostalRate, kpi.SatisfactionRate, kpi.OnlinePaymentRate,
            kpi.DigitisationRate, kpi.ReuseRate, kpi.ElectronicResultRate, kpi.AverageResolutionWorkingDays }, rate => Assert.InRange(rate!.Value, 0.0001m, 1000m));
        Assert.All(kpi.SatisfactionByItem, item => Assert.NotNull(item.Rate));
        Assert.True(kpi.ResolutionByProcedure.Length >= 6 && kpi.OverdueNow > 0, $"{kpi.ResolutionByProcedure.Length} procedures timed, {kpi.OverdueNow} overdue");
    }

    /// <summary>Asserts the same figures in SQL as in C#; answers how many dossiers due soon were compared.</summary>
    private static async Task<int> AssertSameAsync(NpgsqlDataSource database, DossierSummary[] set, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, string? seed = null)
    {
        var dueSoonSeen = 0;
        var queries = new PostgresDossierQueries(database, Service);
        foreach (var agency in new[] { null, "A", Commune })
        {
            var received = set.Where(d => d.ReceivedAt < new Judging(to, now).Until && (agency is null || d.ReceivingUnit == agency || d.HandlingAgency == agency)).ToArray();
            var expected = PeriodFacts.Of(received, from, to, now);
            var actual = await queries.PeriodFactsAsync(from, to, now, agency);
            var where = $"{seed} period {from:O}–{to:O} judged at {now:O}, agency {agency ?? "all"}";

            Assert.True(Same(Report06a(expected, false), Report06a(actual, false), out var diff), $"II.06a, {where}:\n{diff}");
            Assert.True(Same(Report06a(expected, true), Report06a(actual, true), out diff), $"II.06a by field, {where}:\n{diff}");
            Assert.True(Same(Report07aRules.Build(expected, agency), Report07aRules.Build(actual, agency), out diff), $"07a, {where}:\n{diff}");
            Assert.True(Same(Report07bRules.Build(expected, LevelOf), Report07bRules.Build(actual, LevelOf), out diff), $"07b, {where}:\n{diff}");
            Assert.True(Same(Kpi(expected), Kpi(actual), out diff), $"KPI, {where}:\n{diff}");
            Assert.True(Same(Throughput.Build(received, from, to, now, Zone),
                Throughput.Build(await queries.ThroughputDaysAsync(from, to, now, agency, Zone), from, to, now, Zone), out diff), $"throughput, {where}:\n{diff}");
            var soonUntil = now.AddDays(SoonDays);
            var dueSoon = received.Where(d => d.Status == DossierStatus.Processing && d.DueAt >= now && d.DueAt <= soonUntil)
                .GroupBy(d => d.HandlingAgency).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(dueSoon.OrderBy(x => x.Key), (await queries.DueSoonAsync(to, now, agency, soonUntil)).OrderBy(x => x.Key));
            dueSoonSeen += dueSoon.Values.Sum();
        }

        return dueSoonSeen;
    }

    private static Report06a Report06a(PeriodFacts facts, bool byField) => ReportRules.Build(facts, byField);

    private static KpiReport Kpi(PeriodFacts facts) => Decision766Rules.With(KpiRules.Build(facts), facts.Tally766, []);

    private static UnitLevel? LevelOf(string agency) => agency == Commune ? UnitLevel.Commune : UnitLevel.Province;

    /// <summary>Whether both serialize alike; if not, the first lines that differ.</summary>
    private static bool Same<T>(T expected, T actual, out string diff)
    {
        var a = JsonSerializer.Serialize(expected, Json).Split('\n');
        var b = JsonSerializer.Serialize(actual, Json).Split('\n');
        diff = string.Join('\n', a.Zip(b).Select((p, i) => (p, i)).Where(x => x.p.First != x.p.Second).Take(5)
            .Select(x => $"line {x.i}: C# {x.p.First.Trim()} | SQL {x.p.Second.Trim()}"));
        return a.SequenceEqual(b);
    }

    private async Task<NpgsqlDataSource> DatabaseWithAsync(DossierSummary[] set)
    {
        var database = PostgresDataSources.Create(await postgres.CreateDatabaseAsync("parity"), "parity-tests");
        await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await using var connection = await database.OpenConnectionAsync();

        // Through every path that keeps the sums: each dossier is first written as an earlier state (open, of another
        // agency, nothing paid or rated), a third are then deleted, and all are written as they are, as updates or inserts.
        foreach (var chunk in set.Chunk(500))
        {
            await DossierIndexProjection.WriteAsync(connection, Service, chunk.Select(d => new DossierIndexRow(Earlier(d), false, [])), CancellationToken.None);
        }

        await using (var delete = new NpgsqlCommand("DELETE FROM hcc_dossier_index WHERE service_id = $1 AND hashtext(code) % 3 = 0", connection))
        {
            delete.Parameters.Add(new NpgsqlParameter { Value = Service });
            Assert.InRange(await delete.ExecuteNonQueryAsync(), 1, set.Length - 1);
        }

        foreach (var chunk in set.Chunk(500))
        {
            await DossierIndexProjection.WriteAsync(connection, Service, chunk.Select(d => new DossierIndexRow(d, false, [])), CancellationToken.None);
        }

        return database;
    }

    private static DossierSummary Earlier(DossierSummary d) => d with
    {
        Status = DossierStatus.Processing,
        HandlingAgency = "EARLIER",
        CompletedAt = null,
        ClosedAt = null,
        Completion = null,
        Outcome = null,
        Rating = null,
        RatedAt = null,
        ResolutionWorkingHours = null,
        Figures = null,
    };

    /// <summary>
    /// Dossiers of 2024–2026 in every status, channel and online level, of three agencies (one a commune's) and
    /// procedures with versions that rename them; with due-date histories (extensions, supplements and payments that
    /// stop the clock, legacy rows without one or beginning after receipt), ratings with items, payments (some at submission, before receipt) and Decision 766's flags. As the engine
    /// writes them: each supplement request of the history is also counted, and an item is rated once.
    /// </summary>
    private static DossierSummary[] RandomSet(Random random, int count)
    {
        var start = Vn(2024, 10, 1, 0);
        DateTimeOffset Minute(DateTimeOffset after, int maxDays) => after.AddMinutes(random.Next(1, maxDays * 24 * 60));
        T Pick<T>(params T[] values) => values[random.Next(values.Length)];
        var procedures = new[] { new ProcedureRef("P.1", 1, "Cấp giấy phép"), new ProcedureRef("P.1", 2, "Cấp giấy phép xây dựng"), new ProcedureRef("P.2", 1, "Đăng ký khai sinh") };
        var fields = new Dictionary<string, string> { ["P.1"] = "Xây dựng", ["P.2"] = "Hộ tịch" };
        var dossiers = new List<DossierSummary>();
        for (var n = 0; n < count; n++)
        {
            var submitted = Minute(start, 500);
            DateTimeOffset? received = random.Next(20) == 0 ? null : Minute(submitted, 2);
            var status = Pick(DossierStatus.Processing, DossierStatus.Done, DossierStatus.Returned, DossierStatus.Returned, DossierStatus.Withdrawn,
                DossierStatus.Stopped, DossierStatus.SupplementRequested, DossierStatus.AwaitingPayment, DossierStatus.Submitted);
            var due = received is { } r0 ? Minute(r0, 30) : (DateTimeOffset?)null;
            var ended = received is { } r1 && status is DossierStatus.Done or DossierStatus.Returned or DossierStatus.Withdrawn or DossierStatus.Stopped
                ? Minute(r1, 60) : (DateTimeOffset?)null;
            var history = new List<DueChange>();
            var supplements = random.Next(3);
            if (received is { } r && random.Next(6) != 0)
            {
                history.Add(new DueChange(r, due, DueChangeReason.Received));
                var at = r;
                for (var i = 0; i < supplements; i++)
                {
                    at = Minute(at, 10);
                    history.Add(new DueChange(at, null, DueChangeReason.SupplementRequested));
                    at = Minute(at, 5);
                    history.Add(new DueChange(at, Minute(at, 20), DueChangeReason.Supplemented));
                }

                if (random.Next(4) == 0)
                {
                    at = Minute(at, 10);
                    history.Add(new DueChange(at, Minute(at, 15), DueChangeReason.Extended));
                }

                // A history that begins after receipt (a row indexed before receipt was recorded in it): before its first
                // change, the first change is the one in force.
                if (history.Count > 1 && random.Next(8) == 0)
                {
                    history.RemoveAt(0);
                }
            }

            var resolved = ended is not null && status is DossierStatus.Done or DossierStatus.Returned;
            var rated = resolved && random.Next(3) == 0;
            var paid = random.Next(4) == 0 && received is not null;
            var procedure = Pick(procedures);
            var agency = Pick("A", "B", Commune);
            dossiers.Add(new DossierSummary
            {
                Code = $"r{n:D5}",
                Version = 1,
                Procedure = procedure,
                Field = fields[procedure.Code],
                ReceivingUnit = Pick("ONE", "A"),
                HandlingAgency = agency,
                Agencies = ["ONE", agency],
                Channel = Pick(FilingChannel.Direct, FilingChannel.Online, FilingChannel.Online, FilingChannel.Postal),
                OnlineLevel = Pick(OnlineLevel.None, OnlineLevel.Partial, OnlineLevel.Full),
                ApplicantName = "Người nộp",
                Status = status,
                NationalStatusCode = NationalCodes.Of(status, false),
                Step = ProcessingStep.None,
                SubmittedAt = submitted,
                ReceivedAt = received,
                DueAt = due,
                CompletedAt = resolved || (ended is not null && random.Next(4) == 0) ? ended : null,
                ClosedAt = status is DossierStatus.Withdrawn or DossierStatus.Stopped && random.Next(5) != 0 ? ended : null,
                Completion = resolved ? Pick<CompletionClass?>(CompletionClass.Early, CompletionClass.OnTime, CompletionClass.Late, null) : null,
                Outcome = resolved && random.Next(5) != 0 ? Pick(DossierOutcome.Granted, DossierOutcome.Denied) : null,
                SupplementRequests = supplements + random.Next(2),
                PausedWorkingHours = 0,
                Apologized = random.Next(3) == 0,
                ResolutionWorkingHours = resolved && random.Next(6) != 0 ? random.Next(1, 4000) / 4m : null,
                DueHistory = [.. history],
                Rating = rated ? Pick(SatisfactionRating.VerySatisfied, SatisfactionRating.Satisfied, SatisfactionRating.Dissatisfied) : null,
                RatedAt = rated ? Minute(ended!.Value, 120) : null,
                Figures = paid || rated || random.Next(3) == 0
                    ? new DossierFigures(
                        PaidAt: paid ? (random.Next(3) == 0 ? submitted : Minute(received!.Value, 90)) : null,
                        PaidBy: paid ? Pick(PaymentMethod.Online, PaymentMethod.Counter, PaymentMethod.Transfer) : null,
                        RatingItems: rated ? [.. SatisfactionItems.Levels.Keys.Where(_ => random.Next(2) == 0)
                            .Select(item => new RatedItem(item, Pick(SatisfactionRating.VerySatisfied, SatisfactionRating.Satisfied, SatisfactionRating.Dissatisfied)))] : null,
                        AgenciesContacted: rated && random.Next(2) == 0 ? random.Next(1, 5) : null,
                        Contacts: rated && random.Next(2) == 0 ? random.Next(1, 9) : null,
                        Digitised: random.Next(2) == 0 ? random.Next(2) == 0 : null,
                        Reused: random.Next(3) == 0 ? true : null,
                        ElectronicResult: resolved && random.Next(2) == 0 ? true : null)
                    : null,
            });
        }

        return [.. dossiers];
    }
}
