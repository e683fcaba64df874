using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Interfaces;
using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Silo.Seed;

/// <summary>
/// A morning's work at the demo center, so that the quick start's pages have something to show: a dozen dossiers at
/// every stage, filed now by made-up citizens. Only on in-memory storage (<c>Seed:DemoDossiers</c>); idempotent.
/// </summary>
internal static class DemoDossiers
{
    private enum Stage { Submitted, Received, Appraised, Done, Returned, AwaitingPayment, SupplementRequested }

    private static readonly (string Procedure, string Name, string IdNumber, FilingChannel Channel, Stage Stage)[] Plan =
    [
        ("2.001417.000.00.00.H47", "Nguyễn Văn An", "049090001234", FilingChannel.Direct, Stage.Submitted),
        ("1.002809.000.00.00.H47", "Trần Thị Bích", "049185002345", FilingChannel.Online, Stage.Submitted),
        ("2.001610.000.00.00.H47", "Lê Hoàng Cường", "049088003456", FilingChannel.Postal, Stage.Submitted),
        ("2.001417.000.00.00.H47", "Phạm Thị Dung", "049192004567", FilingChannel.Direct, Stage.Received),
        ("1.003010.000.00.00.H47", "Hoàng Văn Em", "049079005678", FilingChannel.Direct, Stage.Received),
        ("1.002861.000.00.00.H47", "Võ Thị Giang", "049195006789", FilingChannel.Online, Stage.Received),
        ("2.001417.000.00.00.H47", "Đặng Minh Hải", "049087007890", FilingChannel.Postal, Stage.Appraised),
        ("1.002430.000.00.00.H47", "Bùi Thị Hạnh", "049190008901", FilingChannel.Direct, Stage.AwaitingPayment),
        ("1.003588.000.00.00.H47", "Đỗ Văn Khoa", "049083009012", FilingChannel.Direct, Stage.SupplementRequested),
        ("2.001417.000.00.00.H47", "Ngô Thị Lan", "049198010123", FilingChannel.Direct, Stage.Done),
        ("2.001199.000.00.00.H47", "Dương Quốc Minh", "049086011234", FilingChannel.Online, Stage.Returned),
        ("2.000815.000.00.00.H47", "Lý Thị Ngọc", "049193012345", FilingChannel.Direct, Stage.Returned),
    ];

    private static readonly int FirstReceivedOnPaper = Array.FindIndex(Plan, p => p.Stage == Stage.Received && p.Channel != FilingChannel.Online);

    public static async Task SeedAsync(IGrainFactory grains)
    {
        var officer = new Actor("demo.officer", [Role.Officer], DemoUnits.Center);
        var portal = new Actor("demo.portal", [Role.Portal], "");
        for (var i = 0; i < Plan.Length; i++)
        {
            var (code, name, idNumber, channel, stage) = Plan[i];
            var request = new SubmissionRequest(code, DemoUnits.Center, channel,
                new Applicant(name, idNumber, $"09051{i:D5}", null, "Tam Kỳ, Quảng Nam"), [new DocumentItem("Tờ khai", 1)], channel == FilingChannel.Postal ? $"EMS{i:D9}VN" : null);
            var submitted = await grains.GetGrain<ISubmissionGrain>(GrainKeys.Submission(officer.Subject, $"demo-{i}"))
                .SubmitAsync(channel == FilingChannel.Online ? portal : officer, request);
            if (!submitted.Created || submitted.Result.Dossier is not { } dossier)
            {
                continue;
            }

            var definition = DemoProcedures.All.First(p => p.Code == code).Definition;
            Actor Staff(Role role, ProcessingStep step) =>
                new($"demo.{EnumWords.Of(role)}", [role], DefaultSteps.Resolve(definition.Steps, definition.AgencyCode, step).AgencyCode);
            var grain = grains.GetGrain<IDossierGrain>(dossier.Code);
            if (stage == Stage.Submitted)
            {
                continue;
            }

            var received = await grain.ReceiveAsync(new ActorContext(officer));

            // One paper dossier stays at the counter waiting to be handed over; the others reach their agency at once.
            if (received.Dossier?.Step == ProcessingStep.Transfer && i != FirstReceivedOnPaper)
            {
                await grain.TransferAsync(new ActorContext(officer));
            }

            switch (stage)
            {
                case Stage.AwaitingPayment:
                    await grain.RequestPaymentAsync(new ActorContext(Staff(Role.Specialist, ProcessingStep.Appraise)), 500_000m, "Lệ phí cấp chứng chỉ hành nghề");
                    break;
                case Stage.SupplementRequested:
                    await grain.RequestSupplementAsync(new ActorContext(Staff(Role.Specialist, ProcessingStep.Appraise)), "Thiếu giấy tờ", ["Bản sao giấy chứng nhận đăng ký kinh doanh"]);
                    break;
                case Stage.Appraised or Stage.Done or Stage.Returned:
                    await grain.AppraiseAsync(new ActorContext(Staff(Role.Specialist, ProcessingStep.Appraise)), AppraisalOutcome.Eligible, "Đủ điều kiện");
                    if (stage != Stage.Appraised)
                    {
                        await grain.ApproveAsync(new ActorContext(Staff(Role.Leader, ProcessingStep.Approve)), null);
                    }

                    if (stage == Stage.Returned)
                    {
                        await grain.ReturnAsync(new ActorContext(officer), channel == FilingChannel.Online ? ReturnMethod.Online : ReturnMethod.Counter);
                        await grain.RateAsync(idNumber, i % 2 == 0 ? SatisfactionRating.VerySatisfied : SatisfactionRating.Satisfied, null);
                    }

                    break;
            }
        }
    }
}
