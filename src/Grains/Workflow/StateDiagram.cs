using System.Globalization;
using System.Text;

namespace HccOrleans.Grains.Workflow;

/// <summary>
/// The transition table drawn as a Mermaid state diagram: every position, and every move <see cref="TransitionTable.Find"/>
/// allows from it, labelled with the action and who may make it. Nothing here is drawn by hand, so the picture in
/// <c>docs/rules</c> cannot drift from the table (a test compares them).
/// </summary>
public static class StateDiagram
{
    public static string Mermaid(string regime)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# State machine, {regime}")
            .AppendLine()
            .AppendLine("Generated from `src/Grains/Workflow/TransitionTable.cs` by `StateDiagramTests`; do not edit.")
            .AppendLine("Each arrow is an action and who may take it; a move missing here is refused with 409.")
            .AppendLine()
            .AppendLine("```mermaid")
            .AppendLine("stateDiagram-v2");
        foreach (var position in Position.All)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    {Id(position)} : {Label(position)}");
        }

        Edge(text, "[*]", Moves(null));
        foreach (var position in Position.All)
        {
            Edge(text, Id(position), Moves(position));
        }

        foreach (var end in Position.All.Where(p => p.IsTerminal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    {Id(end)} --> [*]");
        }

        return text.AppendLine("```").ToString();
    }

    private static IEnumerable<(DossierAction Action, Transition Move)> Moves(Position? from) =>
        Enum.GetValues<DossierAction>().Select(action => (action, TransitionTable.Find(from, action))).Where(m => m.Item2 is not null)!;

    private static void Edge(StringBuilder text, string from, IEnumerable<(DossierAction Action, Transition Move)> moves)
    {
        foreach (var (action, move) in moves)
        {
            var by = string.Join(", ", move.By.Select(EnumWords.Of));
            text.AppendLine(CultureInfo.InvariantCulture, $"    {from} --> {Id(move.To)} : {EnumWords.Of(action)} ({by})");
        }
    }

    private static string Id(Position position) => EnumWords.Of(position.Status).Replace('-', '_')
        + (position.Step == ProcessingStep.None ? "" : "_" + EnumWords.Of(position.Step));

    private static string Label(Position position) => EnumWords.Of(position.Status)
        + (position.Step == ProcessingStep.None ? "" : " / " + EnumWords.Of(position.Step));
}
