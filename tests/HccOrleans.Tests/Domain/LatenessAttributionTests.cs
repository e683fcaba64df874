namespace HccOrleans.Tests.Domain;

/// <summary>Who made it late: the lateness shared among the parts that overran, in proportion, adding up exactly.</summary>
[Trait("Category", "Domain")]
public sealed class LatenessAttributionTests
{
    [Fact]
    public void TwoOverrunsAndAnEarlyStep_ShareInProportionToTheOverruns_TheEarlyStepOffsettingNothing()
    {
        // Appraisal 7 h over, approval 1 h early, return 30 min over: 6 h 30 min late in all, shared 7 : 0.5.
        LatenessPart[] parts = [new("appraise", "SO", 2400, 2820), new("approve", "UBND", 960, 900), new("return", "SO", 480, 510)];

        var shares = LatenessAttribution.Share(390, parts);

        Assert.Equal([420, 0, 30], shares.Select(s => s.OverrunMinutes));
        Assert.Equal([364, 0, 26], shares.Select(s => s.ShareMinutes));
        Assert.Equal(390, shares.Sum(s => s.ShareMinutes));
    }

    [Fact]
    public void UnevenProportions_GiveTheLeftoverMinutesByLargestRemainder_SoTheSharesAddUpExactly()
    {
        // 150 min over 180 : 30 is 128.57 and 21.43: the leftover minute goes to the larger remainder.
        LatenessPart[] parts = [new("appraise", "A", 420, 600), new("approve", "B", 120, 60), new("return", "A", 60, 90)];

        var shares = LatenessAttribution.Share(150, parts);

        Assert.Equal([129, 0, 21], shares.Select(s => s.ShareMinutes));
    }

    [Fact]
    public void EqualRemainders_GoToTheEarlierPart()
    {
        var shares = LatenessAttribution.Share(1, [new("appraise", "A", 0, 60), new("approve", "B", 0, 60)]);

        Assert.Equal([1, 0], shares.Select(s => s.ShareMinutes));
    }

    [Fact]
    public void NoPartOverran_TheLastPartCarriesTheLateness()
    {
        var shares = LatenessAttribution.Share(45, [new("transfer", "ONE", 420, 400), new("appraise", "A", 2400, 2400)]);

        Assert.Equal([0, 45], shares.Select(s => s.ShareMinutes));
    }

    [Fact]
    public void ManyHandBuiltCases_AlwaysAddUpToTheLateness_AndOnlyOverrunningPartsCarryAny()
    {
        var random = new Random(20261205);
        for (var n = 0; n < 2_000; n++)
        {
            var parts = Enumerable.Range(0, random.Next(1, 6))
                .Select(i => new LatenessPart($"p{i}", $"A{i}", random.Next(0, 5_000), random.Next(0, 5_000))).ToArray();
            var late = random.Next(0, 10_000);

            var shares = LatenessAttribution.Share(late, parts);

            Assert.Equal(late, shares.Sum(s => s.ShareMinutes));
            if (parts.Any(p => p.OverrunMinutes > 0))
            {
                Assert.All(shares.Where(s => s.OverrunMinutes == 0), s => Assert.Equal(0, s.ShareMinutes));
            }
        }
    }
}
