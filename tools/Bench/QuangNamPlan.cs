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
    }

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

    /// <summary>One planned dossier: its moves (only those before the period's end are made) and the due date the plan computed.</summary>
    public sealed record Dossier(int Id, FilingChannel Channel, string Agency, string Procedure, DateTimeOffset DueAt, bool Late, Dictionary<Move, DateTimeOffset> At)
    {
        public bool FinishesInPeriod => At.ContainsKey(Move.Approve);

        /// <summary>Who performs a step: the procedure's step agency (liên thông steps belong to other agencies).</summary>
        public string StepAgency(ProcessingStep step) =>
            DefaultSteps.Resolve(DemoProcedures.All.First(p => p.Code == Procedure).Definition.Steps, Agency, step).AgencyCode;
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

        var channels = new List<(FilingChannel Channel, string Agency)>();
        channels.AddRange(OnlineByDepartment.SelectMany(o => Enumerable.Repeat((FilingChannel.Online, o.Agency), o.Count)));
        for (var i = 0; i < Published.Received - Published.Online; i++)
        {
            channels.Add((i < Published.Postal ? FilingChannel.Postal : FilingChannel.Direct, Pick(random, OfflineWeights)));
        }

        // Every dossier is filed on a working day between 07:00 and 15:00 and received an hour later, within the period.
        var drafts = channels.OrderBy(_ => random.Next()).Select((c, id) =>
        {
            var candidates = DemoProcedures.All.Where(p => p.Definition.AgencyCode == c.Agency && SubmissionRules.ChannelRefusal(p.Definition, c.Channel) is null).ToArray();
            var (code, definition) = candidates[random.Next(candidates.Length)];
            var submit = Hour(workingDays[random.Next(workingDays.Length)], 7 + random.Next(9));
            var receive = submit.AddHours(1);
            var (clockStart, due) = Deadlines.AtReceipt(calendar, definition, c.Channel, receive, InForce.At(receive).LateReceiptCutoffMovesClock);
            var budget = calendar.WorkingTimeBetween(clockStart, due);
            var onTime = Earliest(Floor(calendar.AddWorkingTime(clockStart, budget * (0.15 + (random.NextDouble() * 0.8)))), due);
            var late = Floor(calendar.AddWorkingTime(due, TimeSpan.FromHours(2 + random.Next(16))));
            return (Id: id, c.Channel, c.Agency, Code: code, Submit: submit, Receive: receive, Due: due,
                OnTime: Later(onTime, receive.AddHours(1)), LateAt: late, Roll: random.Next());
        }).ToList();

        // Exactly the report's late dossiers, among those whose late completion still falls in the period; then the
        // report's early-or-on-time ones, those that finish soonest; the rest are still in progress at the end.
        var lateIds = drafts.Where(d => d.LateAt < End).OrderBy(d => d.Roll).Take(Published.Late).Select(d => d.Id).ToHashSet();
        var onTimeIds = drafts.Where(d => !lateIds.Contains(d.Id) && d.OnTime < End).OrderBy(d => d.OnTime).ThenBy(d => d.Id)
            .Take(Published.EarlyOrOnTime).Select(d => d.Id).ToHashSet();
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
