using System.Text.RegularExpressions;

namespace HccOrleans.Api.Web;

/// <summary>
/// The validation messages of the API's contract (English, in ProblemDetails) as the pages say them: each known message
/// or pattern with its Vietnamese, rules as data. A message the table does not know is shown as it is.
/// </summary>
public static partial class Messages
{
    private static readonly Dictionary<string, string> Exact = new(StringComparer.Ordinal)
    {
        ["is required."] = "là bắt buộc.",
        ["must be a CCCD (12 digits), a CMND (9 digits) or a passport number (a letter and 7 or 8 digits)."] =
            "phải là số CCCD (12 chữ số), CMND (9 chữ số) hoặc số hộ chiếu (một chữ cái và 7 hoặc 8 chữ số).",
        ["must be 8 to 15 digits, optionally starting with +."] = "phải có từ 8 đến 15 chữ số, có thể bắt đầu bằng dấu +.",
        ["is not an e-mail address."] = "không phải là địa chỉ thư điện tử.",
        ["must be email, sms, zalo or portal."] = "phải là thư điện tử, SMS, Zalo hoặc tài khoản trên Cổng Dịch vụ công.",
        ["is email, so applicant.email is needed to tell the citizen (Decree 118/2025 Art. 17(2))."] =
            "là thư điện tử, nên cần có địa chỉ thư điện tử để thông báo cho công dân (khoản 2 Điều 17 Nghị định 118/2025/NĐ-CP).",
        ["must be a whole number of đồng, greater than 0."] = "phải là số đồng nguyên, lớn hơn 0.",
        ["must be between 1 and 100."] = "phải từ 1 đến 100.",
        ["is empty."] = "là tệp rỗng.",
        ["has one electronic copy: a fileId, a reused document or an exempt reason, not several."] =
            "chỉ có một bản điện tử: tệp quét, giấy tờ dùng lại hoặc lý do không phải số hóa.",
        ["must be a working instant later than now and the current due date."] =
            "phải là thời điểm trong giờ làm việc của ngày làm việc, sau hiện tại và sau hạn hiện tại.",
        ["must be a working instant (a working day, in office hours) later than the current due date and now."] =
            "phải là thời điểm trong giờ làm việc của ngày làm việc, sau hạn hiện tại và sau hiện tại.",
        ["must be a working instant (a working day, in office hours) later than now."] =
            "phải là thời điểm trong giờ làm việc của ngày làm việc, sau hiện tại.",
    };

    private static readonly (Regex Pattern, string Vietnamese)[] Patterns =
    [
        (AtMost(), "không quá $1 ký tự."),
        (RequiredFor(), "là bắt buộc."),
        (NotAValue(), "“$1” không phải là giá trị hợp lệ."),
        (NotAccepted(), "không thuộc loại tệp được nhận ($1), xét theo nội dung tệp."),
        (NameSays(), "ghi sai loại: tên tệp cho biết $1 nhưng nội dung là $2."),
        (DeclaredSays(), "ghi sai loại: loại khai báo là $1 nhưng nội dung là $2."),
        (Larger(), "lớn hơn mức cho phép $1 byte (Files:MaxBytes)."),
    ];

    public static string Vietnamese(string message)
    {
        if (Exact.TryGetValue(message, out var known))
        {
            return known;
        }

        foreach (var (pattern, vietnamese) in Patterns)
        {
            if (pattern.IsMatch(message))
            {
                return pattern.Replace(message, vietnamese);
            }
        }

        return message;
    }

    [GeneratedRegex(@"^must be at most (\d+) characters\.$")]
    private static partial Regex AtMost();

    [GeneratedRegex(@"^is required: .*$")]
    private static partial Regex RequiredFor();

    [GeneratedRegex(@"^'(.*)' is not a valid value\.$")]
    private static partial Regex NotAValue();

    [GeneratedRegex(@"^is not an accepted type \((.*)\), read from its content\.$")]
    private static partial Regex NotAccepted();

    [GeneratedRegex(@"^is mislabelled: its name says (.*), its content is (.*)\.$")]
    private static partial Regex NameSays();

    [GeneratedRegex(@"^is mislabelled: its declared type says (.*), its content is (.*)\.$")]
    private static partial Regex DeclaredSays();

    [GeneratedRegex(@"^is larger than (\d+) bytes \(Files:MaxBytes\)\.$")]
    private static partial Regex Larger();
}
