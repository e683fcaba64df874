using HccOrleans.Api.Web;

namespace HccOrleans.Tests.Domain;

/// <summary>The API's validation messages as the pages say them in Vietnamese; an unknown one is shown as it is.</summary>
[Trait("Category", "Domain")]
public sealed class MessagesTests
{
    [Theory]
    [InlineData("is required.", "là bắt buộc.")]
    [InlineData("must be 8 to 15 digits, optionally starting with +.", "phải có từ 8 đến 15 chữ số, có thể bắt đầu bằng dấu +.")]
    [InlineData("must be at most 200 characters.", "không quá 200 ký tự.")]
    [InlineData("is required: the amount in đồng.", "là bắt buộc.")]
    [InlineData("is mislabelled: its name says application/pdf, its content is image/png.", "ghi sai loại: tên tệp cho biết application/pdf nhưng nội dung là image/png.")]
    [InlineData("is larger than 31457280 bytes (Files:MaxBytes).", "lớn hơn mức cho phép 31457280 byte (Files:MaxBytes).")]
    [InlineData("a message nobody wrote down", "a message nobody wrote down")]
    public void Vietnamese(string english, string vietnamese) => Assert.Equal(vietnamese, Messages.Vietnamese(english));

    [Fact]
    public void ARefusal_NamesTheFieldAndTheRule_InVietnamese() =>
        Assert.Equal("Thông tin nhập chưa hợp lệ: Số điện thoại phải có từ 8 đến 15 chữ số, có thể bắt đầu bằng dấu +.",
            Texts.Refusal(Rejection.Validation(new Dictionary<string, string[]> { ["applicant.phone"] = ["must be 8 to 15 digits, optionally starting with +."] })));
}
