using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Notices;
using HccOrleans.Grains.Workflow;
using HccOrleans.Grains.Workflow.Commands;
using static HccOrleans.Tests.Support.TestCalendars;

namespace HccOrleans.Tests.Domain;

/// <summary>
/// The citizen's lookup while a fee is owed (docs/rules/documents-and-results.md "The citizen's lookup"): the amount,
/// the unit, and the payment platform's page for this dossier when orders go to a platform that has one.
/// </summary>
[Trait("Category", "Domain")]
public sealed class LookupPayLinkTests
{
    private static readonly Actor Officer = new("officer", [Role.Officer], "ONE");
    private static readonly Actor Specialist = new("specialist", [Role.Specialist], "AGA");
    private static readonly WorkingCalendar Calendar = Create();

    private static DossierState Step(DossierState state, DossierCommand command, Actor actor, DateTimeOffset at) =>
        DossierMachine.Decide(state, command, new ActorContext(actor), at, Calendar).Next ?? throw new InvalidOperationException($"{command.Action} refused");

    private static DossierState AwaitingPayment()
    {
        var definition = new ProcedureDefinition(
            "Test procedure", "AGA", "Test", OnlineLevel.Full, true, 0m, new ProcessingTime(10, TimeUnit.WorkingDays), null, [], null);
        var request = new SubmissionRequest("T.1", "ONE", FilingChannel.Direct, new Applicant("A", "012345678901", "0905000000", null, null), [], null);
        var submitted = DossierMachine.Created(new NewDossier("X-251110-0001", request, new ProcedureVersion("T.1", 1, definition, Vn(2025, 1, 1, 0)),
            Vn(2025, 11, 10, 7, 30), Officer));
        var received = Step(submitted, new Receive(), Officer, Vn(2025, 11, 10, 8));
        var appraising = Step(received, new Transfer(null), Officer, Vn(2025, 11, 10, 9));
        return Step(appraising, new RequestPayment(500_000m, "Lệ phí"), Specialist, Vn(2025, 11, 11, 10));
    }

    [Fact]
    public void AnOwedFee_LinksToThePlatformsPageForThisDossier_OnlyWhenOrdersGoToAPlatformWithOne()
    {
        var awaiting = AwaitingPayment();
        var code = awaiting.OfficialCode ?? awaiting.Code;
        var platform = new PaymentOptions { Endpoint = new Uri("http://127.0.0.1:9/"), PayUrl = "https://pay.example.vn/orders?dossier={code}" };

        var steps = CitizenAccess.View(awaiting, false, platform.PayPageOf).NextSteps!;

        Assert.Equal(500_000m, steps.Fee);
        Assert.Equal("ONE", steps.Where);
        Assert.Equal($"https://pay.example.vn/orders?dossier={Uri.EscapeDataString(code)}", steps.PayUrl);
        // No platform, or a platform without a page: the lookup says where to pay at the counter only.
        Assert.Null(CitizenAccess.View(awaiting, false, new PaymentOptions { PayUrl = platform.PayUrl }.PayPageOf).NextSteps!.PayUrl);
        Assert.Null(CitizenAccess.View(awaiting, false, new PaymentOptions { Endpoint = platform.Endpoint }.PayPageOf).NextSteps!.PayUrl);
    }
}
