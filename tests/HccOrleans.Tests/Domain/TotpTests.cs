using HccOrleans.Api.Accounts;

namespace HccOrleans.Tests.Domain;

/// <summary>The engine's TOTP against the test vectors of RFC 6238 Appendix B (SHA-1), and its base32 keys.</summary>
[Trait("Category", "Domain")]
public sealed class TotpTests
{
    private static readonly byte[] RfcKey = "12345678901234567890"u8.ToArray();

    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void Code_IsTheRfcsAtEveryTestTime(long unixSeconds, string expected) =>
        Assert.Equal(expected, Totp.Code(RfcKey, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)), digits: 8));

    [Fact]
    public void KeyOf_ReadsBase32AsAuthenticatorsShowIt_AndRefusesOtherLetters()
    {
        // "12345678901234567890" in RFC 4648 base32, grouped and lower-cased as apps print it.
        Assert.Equal(RfcKey, Totp.KeyOf("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
        Assert.Null(Totp.KeyOf("GEZDGNBV1"));
    }
}
