namespace HccOrleans.Tests.Domain;

[Trait("Category", "Domain")]
public sealed class DossierCodeTests
{
    [Fact]
    public void Format_UnitDayAndSequence_MatchesNationalExample() =>
        Assert.Equal("000.00.20.H47-190806-0001", DossierCode.Format("000.00.20.H47", new DateOnly(2019, 8, 6), 1));

    [Fact]
    public void Format_SequenceBeyondFourDigits_Grows() =>
        Assert.Equal("000.00.20.H47-190806-12345", DossierCode.Format("000.00.20.H47", new DateOnly(2019, 8, 6), 12345));

    [Fact]
    public void TryParse_WellFormed_ReturnsParts()
    {
        Assert.True(DossierCode.TryParse("000.00.20.H47-190806-0042", out var unit, out var day, out var sequence));
        Assert.Equal("000.00.20.H47", unit);
        Assert.Equal(new DateOnly(2019, 8, 6), day);
        Assert.Equal(42, sequence);
    }

    [Theory]
    [InlineData("")]
    [InlineData("000.00.20.H47")]
    [InlineData("000.00.20.H47-190806-001")]
    [InlineData("000.00.20.H47-191306-0001")]
    [InlineData("000.00.20.H47-190806-0000")]
    [InlineData("../etc-190806-0001")]
    [InlineData("H47-190806-00a1")]
    public void TryParse_Malformed_IsRejected(string code) =>
        Assert.False(DossierCode.TryParse(code, out _, out _, out _));
}
