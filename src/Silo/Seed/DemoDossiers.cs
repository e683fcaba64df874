using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Interfaces;
using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Silo.Seed;

/// <summary>
/// A morning's work at the demo city's centers, so that the quick start's pages have something to show: a dozen dossiers at
/// every stage, filed now by made-up citizens. Only on in-memory storage (<c>Seed:DemoDossiers</c>); idempotent.
/// </summary>
internal static class DemoDossiers
{
    private enum Stage { Submitted, Received, Appraised, Done, Returned, AwaitingPayment, SupplementRequested }

    private static readonly (string Procedure, string Name, string IdNumber, FilingChannel Channel, Stage Stage, string? Commune, string ReceivedAt)[] Plan =
    [
        ("1.001756.000.00.00.H17", "Nguyễn Văn An", "048090001234", FilingChannel.Direct, Stage.Submitted, null, DaNang2026.Center),
        ("1.002861.000.00.00.H17", "Trần Thị Bích", "048185002345", FilingChannel.Online, Stage.Submitted, null, DaNang2026.Center),
        ("2.001610.000.00.00.H17", "Lê Hoàng Cường", "048088003456", FilingChannel.Postal, Stage.Submitted, null, DaNang2026.Center),
        ("1.001756.000.00.00.H17", "Phạm Thị Dung", "048192004567", FilingChannel.Direct, Stage.Received, null, DaNang2026.Center),
        ("1.004253.000.00.00.H17", "Hoàng Văn Em", "049079005678", FilingChannel.Direct, Stage.Received, null, DaNang2026.Center),
        ("1.002861.000.00.00.H17", "Võ Thị Giang", "049195006789", FilingChannel.Online, Stage.Received, null, DaNang2026.Center),
        ("1.001756.000.00.00.H17", "Đặng Minh Hải", "048087007890", FilingChannel.Postal, Stage.Appraised, null, DaNang2026.Center),
        ("1.002430.000.00.00.H17", "Bùi Thị Hạnh", "048190008901", FilingChannel.Direct, Stage.AwaitingPayment, null, DaNang2026.Center),
        ("2.000633.000.00.00.H17", "Đỗ Văn Khoa", "048083009012", FilingChannel.Direct, Stage.SupplementRequested, null, DaNang2026.Center),
        ("1.001756.000.00.00.H17", "Ngô Thị Lan", "048198010123", FilingChannel.Direct, Stage.Done, null, DaNang2026.Center),
        ("2.001610.000.00.00.H17", "Dương Quốc Minh", "048086011234", FilingChannel.Online, Stage.Returned, null, DaNang2026.Center),
        ("1.001193.000.00.00.H17", "Lý Thị Ngọc", "048193012345", FilingChannel.Direct, Stage.Returned, "HAICHAU", DaNang2026.CommuneCenter("HAICHAU")),
        // Reception anywhere: a ward's center takes a city department's procedure and forwards it.
        ("2.001610.000.00.00.H17", "Trương Văn Phúc", "049091013456", FilingChannel.Direct, Stage.Received, null, DaNang2026.CommuneCenter("TAMKY")),
        ("2.000908.000.00.00.H17", "Mai Thị Quyên", "048196014567", FilingChannel.Direct, Stage.Received, "SONTRA", DaNang2026.CommuneCenter("SONTRA")),
        // Notary registrations in appraisal at the justice department, given to its specialist: their "my work".
        ("1.001756.000.00.00.H17", "Nguyễn Thị Ngân", "048195015678", FilingChannel.Direct, Stage.Received, null, DaNang2026.Center),
        ("1.001756.000.00.00.H17", "Phan Minh Quân", "048089016789", FilingChannel.Online, Stage.Received, null, DaNang2026.Center),
    ];

    /// <summary>The specialist of the sign-in page's demo users, who finds the dossiers given to them in "my work".</summary>
    private const string DemoSpecialist = "minh.specialist";

    private static readonly int FirstReceivedOnPaper = Array.FindIndex(Plan, p => p.Stage == Stage.Received && p.Channel != FilingChannel.Online);

    public static async Task SeedAsync(IGrainFactory grains)
    {
        var portal = new Actor("demo.portal", [Role.Portal], "");
        for (var i = 0; i < Plan.Length; i++)
        {
            var (code, name, idNumber, channel, stage, commune, receivedAt) = Plan[i];
            var officer = new Actor("demo.officer", [Role.Officer], receivedAt);
            var request = new SubmissionRequest(code, receivedAt, channel,
                new Applicant(name, idNumber, $"09051{i:D5}", null, "Hải Châu, Đà Nẵng"), [new DocumentItem("Tờ khai", 1)], channel == FilingChannel.Postal ? $"EMS{i:D9}VN" : null)
            {
                CompetentAgency = commune is null ? null : DaNang2026.CommuneCommittee(commune),
            };
            var submitted = await grains.Reference<ISubmissionGrain>(GrainKeys.Submission(officer.Subject, $"demo-{i}"))
                .SubmitAsync(channel == FilingChannel.Online ? portal : officer, request);
            if (!submitted.Created || submitted.Result.Dossier is not { } dossier)
            {
                continue;
            }

            var catalogued = DaNang2026Procedures.All.First(p => p.Code == code).Definition;
            var definition = catalogued.NamedPerDossier ? catalogued.HandledBy(dossier.HandlingAgency) : catalogued;
            Actor Staff(Role role, ProcessingStep step) =>
                new($"demo.{EnumWords.Of(role)}", [role], DefaultSteps.Resolve(definition.Steps, definition.AgencyCode, step).AgencyCode);
            var grain = grains.Reference<IDossierGrain>(dossier.Code);
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

            // The justice department's leader has given its received appraisals to the demo specialist: "my work" shows them.
            var leader = Staff(Role.Leader, ProcessingStep.Appraise);
            if (stage == Stage.Received && leader.Agency == DaNang2026.Justice)
            {
                await grain.ActAsync(DossierAction.Assign, new ActorContext(leader), new ActionFields { UserName = DemoSpecialist });
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
                        // The citizen rates the Art. 33(1) items too: the KPI page's satisfaction per item has figures to show.
                        await grain.RateAsync(idNumber, new RatingInput(i % 2 == 0 ? SatisfactionRating.VerySatisfied : SatisfactionRating.Satisfied, null,
                            [new RatedItem("a", SatisfactionRating.VerySatisfied), new RatedItem("dd", i % 2 == 0 ? SatisfactionRating.Satisfied : SatisfactionRating.Dissatisfied),
                                new RatedItem("h", SatisfactionRating.Satisfied)], AgenciesContacted: 1, Contacts: 1 + (i % 3)));
                    }

                    break;
            }
        }
    }
}
