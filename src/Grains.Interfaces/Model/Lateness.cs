namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>
/// One part of a late dossier's handling (a step, or an agency's part of inter-agency work) and the share of the
/// lateness it carries: working minutes, citizen-held time excluded.
/// </summary>
[GenerateSerializer, Immutable, Alias("hcc.LatenessShare")]
public sealed record LatenessShare(
    [property: Id(0)] string Part,
    [property: Id(1)] string Agency,
    [property: Id(2)] int AllowanceMinutes,
    [property: Id(3)] int UsedMinutes,
    [property: Id(4)] int OverrunMinutes,
    [property: Id(5)] int ShareMinutes);

/// <summary>What a part was given and what it used, in working minutes, before the lateness is shared.</summary>
public sealed record LatenessPart(string Part, string Agency, int AllowanceMinutes, int UsedMinutes)
{
    public int OverrunMinutes => Math.Max(0, UsedMinutes - AllowanceMinutes);
}

/// <summary>
/// Who made a dossier late: its lateness L is shared among the parts that overran their allowance, in proportion to
/// their overruns; a part that finished early offsets nothing. Whole minutes by the largest remainder, ties to the
/// earlier part, so the shares add up to L exactly. Should no part have overrun (time outside every part's allowance,
/// such as a hand-over), the part that held the dossier last carries it all.
/// </summary>
public static class LatenessAttribution
{
    public static LatenessShare[] Share(int lateMinutes, IReadOnlyList<LatenessPart> parts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lateMinutes);
        if (parts.Count == 0)
        {
            return [];
        }

        long overrun = parts.Sum(p => (long)p.OverrunMinutes);
        long[] weights = overrun > 0 ? [.. parts.Select(p => (long)p.OverrunMinutes)] : [.. parts.Select((_, i) => i == parts.Count - 1 ? 1L : 0L)];
        var total = weights.Sum();
        var shares = weights.Select(w => (int)(lateMinutes * w / total)).ToArray();
        var left = lateMinutes - shares.Sum();
        foreach (var i in Enumerable.Range(0, parts.Count).OrderByDescending(i => lateMinutes * weights[i] % total).ThenBy(i => i).Take(left))
        {
            shares[i]++;
        }

        return [.. parts.Select((p, i) => new LatenessShare(p.Part, p.Agency, p.AllowanceMinutes, p.UsedMinutes, p.OverrunMinutes, shares[i]))];
    }
}
