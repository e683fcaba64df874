using System.Globalization;
using System.Text.RegularExpressions;

namespace HccOrleans.Api.Web;

/// <summary>
/// A control-log note as people read it: the stored words (a channel, a return method, an appraisal's outcome) and the
/// stored instants ("new due 2026-12-12 11:00 +07:00") said in Vietnamese. The log itself keeps what was written.
/// </summary>
public static partial class LogNotes
{
    public static string? Vietnamese(LogEntry entry, TimeZoneInfo zone)
    {
        if (entry.Note is not { } note)
        {
            return null;
        }

        var (head, rest) = note.IndexOf(" — ", StringComparison.Ordinal) is var dash and >= 0 ? (note[..dash], note[dash..]) : (note, "");
        var said = entry.Action switch
        {
            DossierAction.Submit when EnumWords.TryParse<FilingChannel>(note, out var channel) => Texts.Channel(channel),
            DossierAction.Return when EnumWords.TryParse<ReturnMethod>(head, out var method) => Texts.ReturnMethod(method) + rest,
            DossierAction.Appraise => Outcome(note),
            _ => note,
        };
        return Instant().Replace(said, m => $"{(m.Groups[1].Value == "new due" ? "hẹn mới" : "trả lời trước")} {Local(m.Groups[2].Value, zone)}");
    }

    private static string Outcome(string note)
    {
        var (word, comment) = note.IndexOf(": ", StringComparison.Ordinal) is var colon and >= 0 ? (note[..colon], note[colon..]) : (note, "");
        return EnumWords.TryParse<AppraisalOutcome>(word, out var outcome)
            ? (outcome == AppraisalOutcome.Eligible ? "Đủ điều kiện" : "Không đủ điều kiện") + comment
            : note;
    }

    private static string Local(string stored, TimeZoneInfo zone) =>
        DateTimeOffset.TryParseExact(stored, "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? Texts.Time(at, zone)
            : stored;

    [GeneratedRegex(@"(new due|answer by) (\d{4}-\d{2}-\d{2} \d{2}:\d{2} [+-]\d{2}:\d{2})")]
    private static partial Regex Instant();
}
