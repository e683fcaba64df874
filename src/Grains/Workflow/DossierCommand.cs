using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Grains.Workflow;

/// <summary>A request to move a dossier, with what the move needs.</summary>
internal abstract record DossierCommand(DossierAction Action);

internal sealed record Receive(ProcedureVersion CurrentProcedure) : DossierCommand(DossierAction.Receive);

internal sealed record Refuse(string Reason) : DossierCommand(DossierAction.Refuse);

internal sealed record RequestSupplement(string Reason, string[] Items) : DossierCommand(DossierAction.RequestSupplement);

internal sealed record Supplement(string? Note) : DossierCommand(DossierAction.Supplement);

internal sealed record RequestPayment(decimal Amount, string? Note) : DossierCommand(DossierAction.RequestPayment);

internal sealed record Pay(string ReceiptNumber, decimal Amount) : DossierCommand(DossierAction.Pay);

internal sealed record Appraise(AppraisalOutcome Outcome, string? Note) : DossierCommand(DossierAction.Appraise);

internal sealed record Approve(string? Note) : DossierCommand(DossierAction.Approve);

internal sealed record SendBack(string Reason) : DossierCommand(DossierAction.SendBack);

internal sealed record Return(ReturnMethod Method) : DossierCommand(DossierAction.Return);

internal sealed record Withdraw(string Reason) : DossierCommand(DossierAction.Withdraw);

internal sealed record Stop(string Reason) : DossierCommand(DossierAction.Stop);

internal sealed record Apologize(string Reason, DateTimeOffset NewDueAt) : DossierCommand(DossierAction.Apologize);
