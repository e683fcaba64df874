namespace HccOrleans.Api.Web;

/// <summary>One work queue: the open dossiers a role acts on next, as a filter of the index.</summary>
/// <param name="Key">The queue's address, <c>/queue/{key}</c>.</param>
/// <param name="Scope">The queue's own filter, for an actor at an instant; the person's filters narrow it further.</param>
public sealed record WorkQueue(string Key, string Title, Role Role, string Empty, DossierSort Sort, bool Descending, Func<Actor, QueueClock, DossierQuery, DossierQuery> Scope);

/// <summary>
/// The work queues: the officer's receipts, paper hand-overs, supplements, payments and returns; the specialist's
/// appraisals, theirs first; the leader's approvals, appraisals to assign, apologies due and dossiers in processing; the director's overdue and
/// due-soon lists. Officers see their unit's dossiers; specialists and leaders those whose current step is their agency's.
/// </summary>
public static class WorkQueues
{
    private static readonly DossierStatus[] Open = [DossierStatus.Processing];
    private static readonly DossierStatus[] InHand = [DossierStatus.Processing, DossierStatus.SupplementRequested, DossierStatus.AwaitingPayment];

    public static readonly WorkQueue[] All =
    [
        new("to-receive", "Chờ tiếp nhận", Role.Officer, "Không có hồ sơ chờ tiếp nhận.", DossierSort.Received, false,
            (a, _, q) => q with { Status = DossierStatus.Submitted, ReceivingUnit = a.Agency }),
        new("to-transfer", "Chờ chuyển hồ sơ giấy", Role.Officer, "Không có hồ sơ giấy chờ chuyển đến cơ quan giải quyết.", DossierSort.StepStarted, false,
            (a, _, q) => q with { Status = DossierStatus.Processing, Step = ProcessingStep.Transfer, ReceivingUnit = a.Agency }),
        new("supplements", "Chờ bổ sung hồ sơ", Role.Officer, "Không có hồ sơ chờ công dân bổ sung.", DossierSort.StepStarted, false,
            (a, _, q) => q with { Status = DossierStatus.SupplementRequested, ReceivingUnit = a.Agency }),
        new("payments", "Chờ nộp phí, lệ phí", Role.Officer, "Không có hồ sơ chờ nộp phí, lệ phí.", DossierSort.StepStarted, false,
            (a, _, q) => q with { Status = DossierStatus.AwaitingPayment, ReceivingUnit = a.Agency }),
        new("to-return", "Chờ trả kết quả", Role.Officer, "Không có kết quả chờ trả.", DossierSort.StepStarted, false,
            (a, _, q) => q with { Status = DossierStatus.Done, ReceivingUnit = a.Agency }),
        new("mine", "Việc của tôi", Role.Specialist, "Chưa có hồ sơ nào được giao cho bạn.", DossierSort.Due, false,
            (a, _, q) => q with { Statuses = InHand, Assignee = a.Subject }),
        new("to-appraise", "Chờ thẩm định", Role.Specialist, "Không có hồ sơ chờ thẩm định.", DossierSort.Due, false,
            (a, _, q) => q with { Status = DossierStatus.Processing, Step = ProcessingStep.Appraise, StepAgency = a.Agency }),
        new("to-approve", "Chờ phê duyệt", Role.Leader, "Không có hồ sơ chờ phê duyệt.", DossierSort.Due, false,
            (a, _, q) => q with { Status = DossierStatus.Processing, Step = ProcessingStep.Approve, StepAgency = a.Agency }),
        new("to-assign", "Chờ giao thụ lý", Role.Leader, "Mọi hồ sơ chờ thẩm định đã có chuyên viên thụ lý.", DossierSort.Due, false,
            (a, _, q) => q with { Status = DossierStatus.Processing, Step = ProcessingStep.Appraise, StepAgency = a.Agency, Assigned = false }),
        new("apologies", "Cần văn bản xin lỗi", Role.Leader, "Không có hồ sơ sắp đến hạn hay quá hạn cần xin lỗi.", DossierSort.Due, false,
            (a, c, q) => q with { Status = DossierStatus.Processing, StepAgency = a.Agency, Apologized = false, DueBefore = After(c.DueSoonUntil) }),
        new("in-processing", "Đang xử lý", Role.Leader, "Không có hồ sơ đang xử lý.", DossierSort.Due, false,
            (a, _, q) => q with { Status = DossierStatus.Processing, StepAgency = a.Agency }),
        new("overdue", "Quá hạn", Role.Director, "Không có hồ sơ quá hạn.", DossierSort.Due, false,
            (_, c, q) => q with { Statuses = Open, DueBefore = c.Now }),
        new("due-soon", "Sắp đến hạn", Role.Director, "Không có hồ sơ sắp đến hạn.", DossierSort.Due, false,
            (_, c, q) => q with { Statuses = Open, DueFrom = c.Now, DueBefore = After(c.DueSoonUntil) }),
    ];

    /// <summary>The queues an actor works from, in order; directors' lists serve administrators too.</summary>
    public static IReadOnlyList<WorkQueue> For(Actor actor) =>
        [.. All.Where(q => actor.Has(q.Role) || (q.Role == Role.Director && actor.Has(Role.Admin)))];

    /// <summary>The first instant after <paramref name="instant"/>: "due at or before" as the exclusive bound the query takes.</summary>
    private static DateTimeOffset After(DateTimeOffset instant) => instant.AddTicks(1);
}
