using System.Globalization;
using System.Text;
using HccOrleans.Grains.Regimes;

namespace HccOrleans.Grains.Workflow;

/// <summary>
/// A regime's transition table drawn as a Mermaid state diagram: every position it uses, and every move its table
/// allows from it, labelled with the action, who may make it and, where it depends on it, the filing channel. Nothing here is drawn by hand, so the picture in
/// <c>docs/rules</c> cannot drift from the table (a test compares them).
/// </summary>
public static class StateDiagram
{
    /// <summary>The file the diagram of <paramref name="rules"/> is written to, under docs/rules.</summary>
    public static string FileName(RegimeRules rules) => $"state-machine-{EnumWords.Of(rules.Regime)}.md";

    public static string Mermaid(RegimeRules rules)
    {
        var positions = Position.All.Where(p => Moves(rules, p).Any() || Position.All.Any(from => Moves(rules, from).Any(m => m.Move.To == p))).ToArray();
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# State machine, {EnumWords.Of(rules.Regime)}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{rules.Decree}. Generated from `src/Grains/Regimes/{rules.Find.Method.DeclaringType!.Name}.cs` by `StateDiagramTests`; do not edit.")
            .AppendLine("Each arrow is an action and who may take it; a move missing here is refused with 409.")
            .AppendLine()
            .AppendLine("```mermaid")
            .AppendLine("stateDiagram-v2");
        foreach (var position in positions)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    {Id(position)} : {Label(position)}");
        }

        Edge(text, "[*]", Moves(rules, null));
        foreach (var position in positions)
        {
            Edge(text, Id(position), Moves(rules, position));
        }

        foreach (var end in positions.Where(p => p.IsTerminal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    {Id(end)} --> [*]");
        }

        return text.AppendLine("```").ToString();
    }

    /// <summary>Every move from <paramref name="from"/>, once per action and destination, with the channels it is open to (all: none named).</summary>
    public static IEnumerable<(DossierAction Action, Transition Move, FilingChannel[] Channels)> Moves(RegimeRules rules, Position? from)
    {
        var channels = Enum.GetValues<FilingChannel>();
        foreach (var action in Enum.GetValues<DossierAction>())
        {
            var found = channels.Select(channel => (channel, move: rules.Find(from, action, channel))).Where(m => m.move is not null).ToArray();
            foreach (var group in found.GroupBy(m => m.move!.To))
            {
                var open = group.Select(m => m.channel).ToArray();
                yield return (action, group.First().move!, open.Length == channels.Length ? [] : open);
            }
        }
    }

    private static void Edge(StringBuilder text, string from, IEnumerable<(DossierAction Action, Transition Move, FilingChannel[] Channels)> moves)
    {
        foreach (var (action, move, channels) in moves)
        {
            var by = string.Join(", ", move.By.Select(EnumWords.Of));
            var only = channels.Length == 0 ? "" : "; " + string.Join(", ", channels.Select(EnumWords.Of));
            text.AppendLine(CultureInfo.InvariantCulture, $"    {from} --> {Id(move.To)} : {EnumWords.Of(action)} ({by}{only})");
        }
    }

    private static string Id(Position position) => EnumWords.Of(position.Status).Replace('-', '_')
        + (position.Step == ProcessingStep.None ? "" : "_" + EnumWords.Of(position.Step));

    private static string Label(Position position) => EnumWords.Of(position.Status)
        + (position.Step == ProcessingStep.None ? "" : " / " + EnumWords.Of(position.Step));
}
