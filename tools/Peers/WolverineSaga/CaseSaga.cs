using JasperFx.Core;
using Wolverine;

namespace HccOrleans.Peers.WolverineSaga;

public sealed record OpenCase(Guid Id);

public sealed record AdvanceCase(Guid Id, int Step);

/// <summary>The saga's durable timer: scheduled at the start, thirty days out, like a dossier's deadline.</summary>
public sealed record CaseTimeout(Guid Id) : TimeoutMessage(30.Days());

/// <summary>The peer's workflow: four persisted transitions per case (open, then three steps) and one scheduled timeout.</summary>
public sealed class CaseSaga : Saga
{
    public Guid Id { get; set; }

    public int Step { get; set; }

    public static (CaseSaga, CaseTimeout) Start(OpenCase open) => (new CaseSaga { Id = open.Id, Step = 1 }, new CaseTimeout(open.Id));

    public void Handle(AdvanceCase advance)
    {
        if (advance.Step != Step + 1)
        {
            throw new InvalidOperationException($"Case {Id} is at step {Step}; step {advance.Step} is out of order.");
        }

        Step = advance.Step;
    }

    public void Handle(CaseTimeout timeout) => MarkCompleted();
}
