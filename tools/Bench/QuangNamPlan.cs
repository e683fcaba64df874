using HccOrleans.Grains.Regimes;
using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Intake;
using HccOrleans.Grains.Interfaces.Model;
using HccOrleans.Grains.Interfaces.Reports;
using HccOrleans.Silo.Seed;

namespace HccOrleans.Bench;

/// <summary>
/// The deterministic plan of the <c>quang-nam-2019h1</c> replay (seed 2019). The plan, not the engine, decides
/// each dossier's channel, whether it finishes within the period and whether it finishes late; it times every
/// completion against a due date it computes itself, on its own copy of the 2019 calendar, and keeps its own
/// tally. The engine's report II.06a must then agree with both the plan and the published figures.
/// </summary>
internal sealed class QuangNamPlan
{
    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    public static readonly DateTimeOffset Start = new(2019, 1, 1, 0, 0, 0, Vietnam);
    public static readonly DateTimeOffset End = new(2019, 6, 26, 0, 0, 0, Vietnam);

    /// <summary>The 2019 Quảng Nam report for 1 Jan – 25 Jun 2019.</summary>
    public static class Published
    {
        public const int Received = 41_009;
        public const int Resolved = 38_461;
        public const int EarlyOrOnTime = 37_941;
        public const int Late = 520;
        public const int Online = 5_487;
        public const int Postal = 9_876;

        /// <summary>June's postal dossiers, "23 % of June's receipts".</summary>
        public const int JunePostal = 1_629;

        public const double JunePostalShare = 0.23;

        /// <summary>June's postal dossiers at the four departments the report names; the other 187 went elsewhere.</summary>
        public static readonly (string Agency, int Count)[] JunePostalByDepartment = [("CAT", 650), ("STP", 547), ("SGTVT", 180), ("SKHDT", 65)];

        /// <summary>The departments the report names as resolving everything on time: none late, none overdue.</summary>
        public static readonly string[] AllOnTime = ["SGTVT", "SKHCN", "STTTT", "CAT"];
    }

    public static readonly DateTimeOffset June = new(2019, 6, 1, 0, 0, 0, Vietnam);

    /// <summary>June's receipts: the postal ones are <see cref="Published.JunePostalShare"/> of them.</summary>
    public static readonly int JuneReceipts = (int)Math.Round(Published.JunePostal / Published.JunePostalShare);

    // Online dossiers per department in the report; the remaining 15 went to other agencies.
    private static readonly (string Agency, int Count)[] OnlineByDepartment =
    [
        ("SCT", 1_384), ("SGTVT", 2_619), ("SKHDT", 668), ("STNMT", 401), ("SVHTTDL", 39), ("STP", 280), ("STTTT", 24), ("SYT", 57), ("SKHCN", 10), ("CAT", 5),
    ];

    // How counter and postal dossiers spread over the departments (an assumption: the report gives no split).
    private static readonly (string Agency, double Weight)[] OfflineWeights =
    [
        ("SGTVT", 0.30), ("STNMT", 0.20), ("SKHDT", 0.12), ("STP", 0.10), ("SCT", 0.08), ("SYT", 0.07), ("CAT", 0.06), ("SVHTTDL", 0.03), ("STTTT", 0.02), ("SKHCN", 0.02),
    ];

    public enum Move { Submit, Receive, Appraise, Approve, Return }

    /// <summary>When a dossier is received: in June, before it, or on any day of the period.</summary>
    private enum Month { Any, June, BeforeJune }

    /// <summary>One planned dossier: its moves (only those before the period's end are made) and the due date the plan computed.</summary>
    public sealed record Dossier(int Id, FilingChannel Channel, string Agency, string Procedure, DateTimeOffset DueAt, bool Late, Dictionary<Move, DateTimeOffset> At)
    {
        public bool FinishesInPeriod => At.ContainsKey(Move.Approve);

        public bool ReceivedInJune => At[Move.Receive] >= June;

        /// <summary>Late, or still in progress past its due instant when the period ends: what keeps a department from 100 % on time.</summary>
        public bool LateOrOverdue => Late || (!FinishesInPeriod && DueAt < End);

        /// <summary>Who performs a step: the procedure's step agency (liên thông steps belong to other agencies).</summary>
        public string StepAgency(ProcessingStep step) =>
            DefaultSteps.Resolve(QuangNam2019Procedures.All.First(p => p.Code == Procedure).Definition.Steps, Agency, step).AgencyCode;
    }

    private QuangNamPlan(List<Dossier> dossiers, WorkingCalendar calendar)
    {
        Dossiers = dossiers;
        Calendar = calendar;
    }

    public List<Dossier> Dossiers { get; }

    public WorkingCalendar Calendar { get; }

    public int MoveCount => Dossiers.Sum(d => d.At.Count);

    /// <summary>The plan's own II.06a total, from its own due dates and completion instants.</summary>
    public Report06aRow Tally()
    {
        var resolved = Dossiers.Where(d => d.FinishesInPeriod).Select(d => Deadlines.Classify(Calendar, d.At[Move.Approve], d.DueAt)).ToList();
        var open = Dossiers.Where(d => !d.FinishesInPeriod).ToList();
        var online = Dossiers.Count(d => d.Channel == FilingChannel.Online);
        return new Report06aRow(null, null, Dossiers.Count, 0,
            new ReceivedCounts(Dossiers.Count, online, Dossiers.Count - online),
            new ResolvedCounts(resolved.Count, resolved.Count(c => c == CompletionClass.Early), resolved.Count(c => c == CompletionClass.OnTime),
                resolved.Count(c => c == CompletionClass.Late), 0),
            0,
            new InProgressCounts(open.Count, open.Count(d => d.DueAt >= End), open.Count(d => d.DueAt < End)));
    }

    public static QuangNamPlan Create()
    {
        var random = new Random(2019);
        var official = DemoCalendars.Official2019;
        var calendar = new WorkingCalendar(OfficeHours.Default, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"),
            y => y == official.Number ? HolidayYear.Create(y, official.DaysOff, official.WorkingDays) : HolidayYear.Create(y, StatutoryHolidays.Provisional(y), []));
        var workingDays = Enumerable.Range(0, (End - Start).Days).Select(i => DateOnly.FromDateTime(Start.AddDays(i).DateTime))
            .Where(calendar.IsWorkingDay).ToArray();

        // June's postal dossiers as the report splits them (the rest by the weights of the other departments), the
        // other postal dossiers before June; of the counter and online dossiers, as many in June as make June's
        // postal share the report's.
        var named = Published.JunePostalByDepartment.Select(d => d.Agency).ToHashSet();
        var otherWeights = OfflineWeights.Where(w => !named.Contains(w.Agency)).ToArray();
        var postal = Published.JunePostalByDepartment.SelectMany(d => Enumerable.Repeat((FilingChannel.Postal, d.Agency, Month.June), d.Count))
            .Concat(Enumerable.Range(0, Published.JunePostal - Published.JunePostalByDepartment.Sum(d => d.Count)).Select(_ => (FilingChannel.Postal, Pick(random, otherWeights), Month.June)))
            .Concat(Enumerable.Range(0, Published.Postal - Published.JunePostal).Select(_ => (FilingChannel.Postal, Pick(random, OfflineWeights), Month.BeforeJune)));
        var notPostal = OnlineByDepartment.SelectMany(o => Enumerable.Repeat((FilingChannel.Online, o.Agency), o.Count))
            .Concat(Enumerable.Range(0, Published.Received - Published.Online - Published.Postal).Select(_ => (FilingChannel.Direct, Pick(random, OfflineWeights))))
            .OrderBy(_ => random.Next()).ToList()
            .Select((c, i) => (c.Item1, c.Item2, i < JuneReceipts - Published.JunePostal ? Month.June : Month.BeforeJune));
        var channels = postal.Concat(notPostal).ToList();
        var days = new Dictionary<Month, DateOnly[]>
        {
            [Month.June] = [.. workingDays.Where(d => d.Month == 6)],
            [Month.BeforeJune] = [.. workingDays.Where(d => d.Month < 6)],
        };

        // Every dossier is filed on a working day between 07:00 and 15:00 and received an hour later, within the period.
        var drafts = channels.OrderBy(_ => random.Next()).Select((c, id) =>
        {
            var (channel, agency, month) = c;
            var candidates = QuangNam2019Procedures.All.Where(p => p.Definition.AgencyCode == agency && SubmissionRules.ChannelRefusal(p.Definition, channel) is null).ToArray();
            var (code, definition) = candidates[random.Next(candidates.Length)];
            var submit = Hour(days[month][random.Next(days[month].Length)], 7 + random.Next(9));
            var receive = submit.AddHours(1);
            var (clockStart, due) = Deadlines.AtReceipt(calendar, definition, channel, receive, InForce.At(receive).LateReceiptCutoffMovesClock);
            var budget = calendar.WorkingTimeBetween(clockStart, due);
            var onTime = Earliest(Floor(calendar.AddWorkingTime(clockStart, budget * (0.15 + (random.NextDouble() * 0.8)))), due);
            var late = Floor(calendar.AddWorkingTime(due, TimeSpan.FromHours(2 + random.Next(16))));
            return (Id: id, Channel: channel, Agency: agency, Code: code, Submit: submit, Receive: receive, Due: due,
                OnTime: Later(onTime, receive.AddHours(1)), LateAt: late, Roll: random.Next());
        }).ToList();

        // Exactly the report's late dossiers, among those whose late completion still falls in the period and none at
        // the departments that were all on time; then the report's early-or-on-time ones: first every dossier of those
        // departments that falls due in the period (so none is overdue at its end), then those that finish soonest;
        // the rest are still in progress at the end.
        var allOnTime = Published.AllOnTime.ToHashSet();
        var lateIds = drafts.Where(d => d.LateAt < End && !allOnTime.Contains(d.Agency)).OrderBy(d => d.Roll).Take(Published.Late).Select(d => d.Id).ToHashSet();
        var onTimeIds = drafts.Where(d => !lateIds.Contains(d.Id) && d.OnTime < End)
            .OrderBy(d => allOnTime.Contains(d.Agency) && d.Due < End ? 0 : 1).ThenBy(d => d.OnTime).ThenBy(d => d.Id)
            .Take(Published.EarlyOrOnTime).Select(d => d.Id).ToHashSet();
        if (drafts.Any(d => allOnTime.Contains(d.Agency) && d.Due < End && !onTimeIds.Contains(d.Id)))
        {
            throw new InvalidOperationException("the plan cannot finish every dossier of the all-on-time departments that falls due in the period");
        }

        if (lateIds.Count != Published.Late || onTimeIds.Count != Published.EarlyOrOnTime)
        {
            throw new InvalidOperationException($"the plan found {lateIds.Count} late and {onTimeIds.Count} on-time completions to place");
        }

        var dossiers = drafts.Select(d =>
        {
            var at = new Dictionary<Move, DateTimeOffset> { [Move.Submit] = d.Submit, [Move.Receive] = d.Receive };
            var approve = lateIds.Contains(d.Id) ? d.LateAt : onTimeIds.Contains(d.Id) ? d.OnTime : (DateTimeOffset?)null;
            if (approve is { } approved)
            {
                // Halfway, on a quarter hour: strictly between receipt and approval, which are at least an hour apart.
                at[Move.Appraise] = Quarter(d.Receive + ((approved - d.Receive) / 2));
                at[Move.Approve] = approved;
                var returned = Later(Floor(calendar.AddWorkingTime(approved, TimeSpan.FromHours(1 + (d.Roll % 8)))), approved.AddHours(1));
                if (returned < End)
                {
                    at[Move.Return] = returned;
                }
            }
            else if (d.Receive.AddHours(2) < End)
            {
                at[Move.Appraise] = d.Receive.AddHours(2);
            }

            return new Dossier(d.Id, d.Channel, d.Agency, d.Code, d.Due, lateIds.Contains(d.Id), at);
        }).ToList();
        return new QuangNamPlan(dossiers, calendar);
    }

    private static string Pick(Random random, (string Agency, double Weight)[] weights)
    {
        var roll = random.NextDouble() * weights.Sum(w => w.Weight);
        foreach (var (agency, weight) in weights)
        {
            roll -= weight;
            if (roll < 0)
            {
                return agency;
            }
        }

        return weights[^1].Agency;
    }

    private static DateTimeOffset Hour(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), Vietnam);

    private static DateTimeOffset Floor(DateTimeOffset instant)
    {
        var local = instant.ToOffset(Vietnam);
        return new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, Vietnam);
    }

    private static DateTimeOffset Quarter(DateTimeOffset instant) =>
        new(instant.Ticks - (instant.Ticks % TimeSpan.FromMinutes(15).Ticks), instant.Offset);

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
