namespace HccOrleans.Grains.Workflow;

/// <summary>Who may make a move on which dossier: the table's roles plus agency scoping.</summary>
public static class Permissions
{
    /// <summary>The reason the actor may not make the move, or null when allowed.</summary>
    /// <param name="receivingUnit">The dossier's one-stop unit: officers act only on their own unit's dossiers.</param>
    /// <param name="stepAgency">The agency of the current step: specialists and leaders act only on their own steps.</param>
    public static string? Refusal(Actor actor, Transition transition, string receivingUnit, string? stepAgency)
    {
        var roles = transition.By.Where(actor.Has).ToArray();
        if (roles.Length == 0)
        {
            return $"The role(s) {string.Join(", ", actor.Roles)} may not do this; it needs {string.Join(" or ", transition.By)}.";
        }

        return roles.Any(role => InScope(actor, role, receivingUnit, stepAgency))
            ? null
            : $"Agency '{actor.Agency}' does not handle this dossier at its current step.";
    }

    private static bool InScope(Actor actor, Role role, string receivingUnit, string? stepAgency) => role switch
    {
        Role.Officer => string.Equals(actor.Agency, receivingUnit, StringComparison.Ordinal),
        Role.Specialist or Role.Leader => string.Equals(actor.Agency, stepAgency, StringComparison.Ordinal),
        Role.Portal or Role.System => true,
        _ => false,
    };

    /// <summary>Directors see every dossier; everyone else sees those of their own unit or agency.</summary>
    public static bool CanRead(Actor actor, string receivingUnit, IEnumerable<string> handlingAgencies) =>
        actor.Has(Role.Director) || actor.Has(Role.Admin) || actor.Has(Role.Portal) || actor.Has(Role.System)
        || string.Equals(actor.Agency, receivingUnit, StringComparison.Ordinal)
        || handlingAgencies.Contains(actor.Agency, StringComparer.Ordinal);
}
