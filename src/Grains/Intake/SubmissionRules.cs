using System.Text.RegularExpressions;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Intake;

/// <summary>What a submission must carry before a code is allocated for it.</summary>
public static partial class SubmissionRules
{
    public const int MaxDocuments = 100;
    public const int MaxPayments = 10;

    public static ValidationErrors Validate(SubmissionRequest? request)
    {
        var errors = new ValidationErrors();
        if (request is null)
        {
            return errors.Add("body", "is required.");
        }

        errors.Require("procedureCode", request.ProcedureCode, 64)
            .Require("receivingUnit", request.ReceivingUnit, 64)
            .Defined("channel", request.Channel)
            .Optional("postalTrackingNumber", request.PostalTrackingNumber, 64);

        if (request.Applicant is not { } applicant)
        {
            errors.Add("applicant", "is required.");
        }
        else
        {
            errors.Require("applicant.name", applicant.Name, 200)
                .Require("applicant.idNumber", applicant.IdNumber, 20)
                .Require("applicant.phone", applicant.Phone, 20)
                .Optional("applicant.email", applicant.Email, 200)
                .Optional("applicant.address", applicant.Address, 500);
            if (!string.IsNullOrWhiteSpace(applicant.IdNumber) && !IdNumberPattern().IsMatch(applicant.IdNumber))
            {
                errors.Add("applicant.idNumber", "must be a CCCD (12 digits), a CMND (9 digits) or a passport number (a letter and 7 or 8 digits).");
            }

            if (!string.IsNullOrWhiteSpace(applicant.Phone) && !PhonePattern().IsMatch(applicant.Phone))
            {
                errors.Add("applicant.phone", "must be 8 to 15 digits, optionally starting with +.");
            }

            if (!string.IsNullOrWhiteSpace(applicant.Email) && !applicant.Email.Contains('@', StringComparison.Ordinal))
            {
                errors.Add("applicant.email", "is not an e-mail address.");
            }

            if (applicant.Notify is { } notify && !Enum.IsDefined(notify))
            {
                errors.Add("applicant.notify", "must be email, sms, zalo or portal.");
            }
            else if (applicant.Notify == NoticeChannel.Email && string.IsNullOrWhiteSpace(applicant.Email))
            {
                errors.Add("applicant.notify", "is email, so applicant.email is needed to tell the citizen (Decree 118/2025 Art. 17(2)).");
            }
        }

        var documents = request.Documents ?? [];
        if (documents.Length > MaxDocuments)
        {
            errors.Add("documents", $"must list at most {MaxDocuments} documents.");
        }

        for (var i = 0; i < Math.Min(documents.Length, MaxDocuments); i++)
        {
            errors.Require($"documents[{i}].name", documents[i]?.Name, 300);
            if (documents[i] is { Copies: < 1 or > 100 })
            {
                errors.Add($"documents[{i}].copies", "must be between 1 and 100.");
            }

            if (documents[i] is { } document && new object?[] { document.FileId, document.Reuse, document.Exempt }.Count(x => x is not null) > 1)
            {
                errors.Add($"documents[{i}]", "has one electronic copy: a fileId, a reused document or an exempt reason, not several.");
            }

            if (documents[i]?.Exempt is { } exempt && !ExemptReasons.All.ContainsKey(exempt))
            {
                errors.Add($"documents[{i}].exempt", $"must be one of {string.Join(", ", ExemptReasons.All.Keys)}.");
            }
        }

        ValidatePayments(errors, request.Payments ?? []);
        return errors;
    }

    private static void ValidatePayments(ValidationErrors errors, SubmissionPayment[] payments)
    {
        if (payments.Length > MaxPayments)
        {
            errors.Add("payments", $"must list at most {MaxPayments} payments.");
            return;
        }

        for (var i = 0; i < payments.Length; i++)
        {
            if (payments[i] is not { } payment)
            {
                errors.Add($"payments[{i}]", "is required.");
                continue;
            }

            errors.Defined($"payments[{i}].method", payment.Method)
                .Amount(payment.Amount, "the amount paid, in đồng", $"payments[{i}].amount")
                .Optional($"payments[{i}].proof", payment.Proof, 500);
            if (payment.ClaimsReference)
            {
                errors.Require($"payments[{i}].reference", payment.Reference, 64);
            }
            else
            {
                errors.Optional($"payments[{i}].reference", payment.Reference, 64);
            }
        }
    }

    /// <summary>
    /// Whether the payments filed with the dossier are exactly the fees the procedure takes at submission (Decree
    /// 118/2025 Art. 24); null when they are, else why not. Fees set after receipt are asked for with a payment request.
    /// </summary>
    public static string? FeeRefusal(ProcedureDefinition procedure, SubmissionPayment[]? payments)
    {
        var due = procedure.DueAtSubmission();
        var paid = (payments ?? []).Sum(payment => payment.Amount);
        return (due, paid) switch
        {
            (0, 0) => null,
            (0, _) => $"This procedure takes no fee at submission; {Money.Of(paid)} was given. A fee set after receipt is asked for with a payment request.",
            (_, 0) => $"This procedure takes {Money.Of(due)} at submission; record its payment with the dossier.",
            _ when paid != due => $"This procedure takes {Money.Of(due)} at submission; the payments add up to {Money.Of(paid)}.",
            _ => null,
        };
    }

    /// <summary>Whether the procedure accepts the channel; null when it does, else the reason.</summary>
    public static string? ChannelRefusal(ProcedureDefinition procedure, FilingChannel channel) => channel switch
    {
        FilingChannel.Online when procedure.OnlineLevel == OnlineLevel.None => "This procedure is not offered online.",
        FilingChannel.Postal when !procedure.PostalAllowed => "This procedure does not accept postal filing.",
        _ => null,
    };

    [GeneratedRegex("^([0-9]{12}|[0-9]{9}|[A-Za-z][0-9]{7,8})$")]
    private static partial Regex IdNumberPattern();

    [GeneratedRegex(@"^\+?[0-9]{8,15}$")]
    private static partial Regex PhonePattern();
}
