using System.Security.Cryptography;
using System.Text;
using HccOrleans.Grains.Validation;
using HccOrleans.Grains.Workflow;

namespace HccOrleans.Grains.Dossiers;

/// <summary>What an anonymous citizen may do with a dossier, given its code and their ID number: look it up, rate it once.</summary>
internal static class CitizenAccess
{
    public const int MaxCommentLength = 1000;

    public static readonly Rejection NoMatch = new(RejectionKind.NotFound, RuleCodes.DossierNotFound, "No dossier matches this code and ID number.");

    /// <summary>Whether <paramref name="idNumber"/> is the applicant's, compared in constant time.</summary>
    public static bool IsApplicant(DossierState s, string? idNumber) =>
        s.Exists && idNumber is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(s.Request!.Applicant.IdNumber.ToUpperInvariant()),
            Encoding.UTF8.GetBytes(idNumber.Trim().ToUpperInvariant()));

    /// <summary>The moves a citizen follows on the timeline; the agencies' own work (assignment, consultations, parts) is not theirs to read.</summary>
    private static readonly HashSet<DossierAction> Followed =
    [
        DossierAction.Submit, DossierAction.Receive, DossierAction.Transfer, DossierAction.Appraise, DossierAction.Approve, DossierAction.Return,
        DossierAction.RequestSupplement, DossierAction.Supplement, DossierAction.RequestPayment, DossierAction.Pay, DossierAction.Apologize,
        DossierAction.ConfirmExtension, DossierAction.Refuse, DossierAction.Withdraw, DossierAction.Stop, DossierAction.Close, DossierAction.CorrectResult,
    ];

    public static LookupView View(DossierState s, bool portalAccounts, Func<string, string?> payPage)
    {
        var delivery = ResultDelivery(s, portalAccounts);
        return new(s.OfficialCode ?? s.Code, s.Procedure!.Definition.Name, s.Status, StatusNames.Vietnamese(s.Status), s.ReceivedAt,
            s.Extension is { Decision: ExtensionDecision.Confirmed } extended ? extended.PreviousDueAt : s.DueAt, s.RescheduledDueAt, s.CompletedAt,
            s.ReturnedAt, s.Rating?.Rating, s.Request!.ReceivingUnit, delivery)
        {
            NextSteps = NextStepsOf(s, delivery, payPage),
            Timeline = [.. s.Log.Where(e => Followed.Contains(e.Action)).Select(e => new TimelineEntry(e.At, e.Action))],
        };
    }

    /// <summary>What the dossier waits for from the citizen, or where its result is; null when it waits for no one but the agency.</summary>
    private static NextSteps? NextStepsOf(DossierState s, string? delivery, Func<string, string?> payPage)
    {
        var unit = s.Request!.ReceivingUnit;
        var extension = s.Extension is { Decision: ExtensionDecision.Confirmed } confirmed ? confirmed.Reason : s.Apology?.Reason;
        NextSteps? steps = s.Status switch
        {
            DossierStatus.SupplementRequested => new NextSteps
            {
                Papers = s.SupplementItems.Length > 0 ? s.SupplementItems : null,
                BringBy = s.Log.LastOrDefault(e => e.Action == DossierAction.RequestSupplement) is { } asked
                          && DossierMachine.RegimeOf(s, asked.At).SupplementClosureDays is { } days
                    ? asked.At.AddDays(days)
                    : null,
                Where = unit,
            },
            DossierStatus.AwaitingPayment when s.Payment is { PaidAt: null } owed => new NextSteps { Fee = owed.Amount, Where = unit, PayUrl = payPage(s.OfficialCode ?? s.Code) },
            DossierStatus.Done or DossierStatus.Returned when delivery is not null => new NextSteps { ResultDelivery = delivery, Where = unit },
            DossierStatus.Done => new NextSteps { Where = unit },
            _ => null,
        };
        return extension is null || s.RescheduledDueAt is null ? steps : (steps ?? new NextSteps()) with { ExtensionReason = extension };
    }

    /// <summary>Where the result went or goes (Decree 118/2025 Art. 22(3)), once it is ready: the portal account, the counter, the post.</summary>
    private static string? ResultDelivery(DossierState s, bool portalAccounts)
    {
        if (s.Status is not (DossierStatus.Done or DossierStatus.Returned) || s.Result is not { } result)
        {
            return null;
        }

        var paper = s.ReturnMethod == Interfaces.Model.ReturnMethod.Postal
            ? "Bản giấy được gửi qua bưu chính đến địa chỉ Ông/Bà đã đăng ký."
            : "Bản giấy nhận tại bộ phận một cửa nơi Ông/Bà đã nộp hồ sơ.";
        var electronic = result.FileId is null ? null
            : portalAccounts ? $"Bản điện tử (mã giấy tờ {result.DocumentCode}) đã được gửi vào tài khoản của Ông/Bà trên Cổng Dịch vụ công quốc gia."
            : $"Bản điện tử (mã giấy tờ {result.DocumentCode}) được lưu tại cơ quan giải quyết; Ông/Bà có thể đề nghị cấp bản sao điện tử.";
        return result.ElectronicOnly && electronic is not null ? electronic : string.Join(" ", new[] { electronic, paper }.OfType<string>());
    }

    /// <summary>The rating, once, of a returned dossier (docs/rules/documents-and-results.md).</summary>
    public static Decision Rate(DossierState s, string? idNumber, RatingInput input, DateTimeOffset now)
    {
        if (!IsApplicant(s, idNumber))
        {
            return NoMatch;
        }

        var errors = new ValidationErrors().Defined("rating", input.Rating).Optional("comment", input.Comment, MaxCommentLength);
        foreach (var item in input.Items ?? [])
        {
            if (item is null || !SatisfactionItems.Levels.ContainsKey(item.Item ?? ""))
            {
                errors.Add("items", $"'{item?.Item}' is not an item of Decree 118/2025 Art. 33(1): {string.Join(", ", SatisfactionItems.Levels.Keys)}.");
            }
            else
            {
                errors.Defined($"items.{item.Item}", item.Rating);
            }
        }

        if ((input.Items ?? []).Where(i => i is not null).GroupBy(i => i.Item).Any(g => g.Count() > 1))
        {
            errors.Add("items", "rates each item once.");
        }

        foreach (var (field, count) in new[] { ("agenciesContacted", input.AgenciesContacted), ("contacts", input.Contacts) })
        {
            if (count is < 0 or > SatisfactionItems.MaxCount)
            {
                errors.Add(field, $"is a count from 0 to {SatisfactionItems.MaxCount} (Decree 118/2025 Art. 33(1)(b), (c)).");
            }
        }

        if (!errors.IsEmpty)
        {
            return Rejection.Validation(errors.ToDictionary());
        }

        if (s.Status != DossierStatus.Returned)
        {
            return new Rejection(RejectionKind.RuleRefused, RuleCodes.RatingNotReturned,
                "A dossier can be rated once its result has been returned.", s.Status);
        }

        if (s.Rating is not null)
        {
            return new Rejection(RejectionKind.RuleRefused, RuleCodes.RatingOnce, "This dossier has already been rated; a rating is given once.", s.Status);
        }

        return s with
        {
            Version = s.Version + 1,
            Rating = new CitizenRating(input.Rating, now, string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim(),
                input.Items is { Length: > 0 } items ? [.. items.OrderBy(i => i.Item, StringComparer.Ordinal)] : null, input.AgenciesContacted, input.Contacts),
        };
    }
}
