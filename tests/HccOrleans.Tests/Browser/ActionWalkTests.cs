using HccOrleans.Grains.Regimes;

namespace HccOrleans.Tests.Browser;

/// <summary>
/// Every action a person takes, walked once through the dossier page's form and once through the HTTP API, from the
/// position the table allows it in, by the role the table names: each lands where the table says. A new action that
/// the page or the API cannot take fails here (and <see cref="EveryAction_IsWalked"/> fails until it is added). The
/// dossiers are of today's regime, Decree 118/2025; the actions only Decree 61/2018 had are walked in the domain tests.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ActionWalkTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    private enum Desk
    {
        Officer,
        Specialist,
        Leader,
        /// <summary>A specialist of agency B: the other agency of inter-agency work, the one consulted.</summary>
        SpecialistB,
    }

    private sealed record Walk(string[] Before, Desk By, DossierStatus To, ProcessingStep Step, Func<DateTimeOffset?, object> Body, Func<ILocator, Task>? Fill = null)
    {
        /// <summary>The procedure of the walk's dossier: the standard one unless the action needs another.</summary>
        public string Procedure { get; init; } = Standard;
    }

    private static readonly Dictionary<DossierAction, Walk> Walks = new()
    {
        [DossierAction.Receive] = new([], Desk.Officer, DossierStatus.Processing, ProcessingStep.Transfer, _ => new { }),
        [DossierAction.Refuse] = new([], Desk.Officer, DossierStatus.Refused, ProcessingStep.None, _ => new { reason = "Sai thủ tục" }, Reason),
        [DossierAction.RequestSupplement] = new([], Desk.Officer, DossierStatus.SupplementRequested, ProcessingStep.None,
            _ => new { reason = "Thiếu giấy tờ", items = new[] { "Bản sao CCCD" } },
            async form => { await Reason(form); await form.Locator("textarea[name=items]").FillAsync("Bản sao CCCD"); }),
        [DossierAction.Supplement] = new(["request-supplement"], Desk.Officer, DossierStatus.Submitted, ProcessingStep.None, _ => new { note = "Đã bổ sung" }),
        [DossierAction.Transfer] = new(["receive"], Desk.Officer, DossierStatus.Processing, ProcessingStep.Appraise, _ => new { note = "Bàn giao" }),
        [DossierAction.Withdraw] = new(["receive"], Desk.Officer, DossierStatus.Withdrawn, ProcessingStep.None, _ => new { reason = "Xin rút" }, Reason),
        [DossierAction.Appraise] = new(["receive", "transfer"], Desk.Specialist, DossierStatus.Processing, ProcessingStep.Approve, _ => new { outcome = "eligible" }),
        [DossierAction.RequestPayment] = new(["receive", "transfer"], Desk.Specialist, DossierStatus.AwaitingPayment, ProcessingStep.Appraise,
            _ => new { amount = 50_000, note = "Lệ phí" }, form => form.Locator("input[name=amount]").FillAsync("50000")),
        [DossierAction.Pay] = new(["receive", "transfer", "request-payment"], Desk.Officer, DossierStatus.Processing, ProcessingStep.Appraise,
            _ => new { receiptNumber = "BL-1", amount = 50_000 }, form => form.Locator("input[name=receiptNumber]").FillAsync("BL-1")),
        [DossierAction.Close] = new(["receive", "transfer", "request-supplement", "fifteen-days"], Desk.Officer, DossierStatus.Stopped, ProcessingStep.None,
            _ => new { reason = "Không bổ sung trong thời hạn" }, Reason),
        [DossierAction.ProposeExtension] = new(["receive", "transfer"], Desk.Leader, DossierStatus.Processing, ProcessingStep.Appraise,
            due => new { reason = "Cần xác minh", newDueAt = due!.Value.AddDays(7) }, Reason),
        [DossierAction.ConfirmExtension] = new(["receive", "transfer", "propose-extension"], Desk.Officer, DossierStatus.Processing, ProcessingStep.Appraise, _ => new { }),
        [DossierAction.DeclineExtension] = new(["receive", "transfer", "propose-extension"], Desk.Officer, DossierStatus.Processing, ProcessingStep.Appraise,
            _ => new { reason = "Chưa đủ lý do" }, Reason),
        [DossierAction.Approve] = new(["receive", "transfer", "appraise"], Desk.Leader, DossierStatus.Done, ProcessingStep.Return, _ => new { }),
        [DossierAction.SendBack] = new(["receive", "transfer", "appraise"], Desk.Leader, DossierStatus.Processing, ProcessingStep.Appraise, _ => new { reason = "Xem lại" }, Reason),
        [DossierAction.Return] = new(["receive", "transfer", "appraise", "approve"], Desk.Officer, DossierStatus.Returned, ProcessingStep.None, _ => new { method = "counter" }),
        [DossierAction.CorrectResult] = new(["receive", "transfer", "appraise", "approve", "return"], Desk.Officer, DossierStatus.Returned, ProcessingStep.None,
            _ => new { reason = "Sai họ tên" }, Reason),
        [DossierAction.CompletePart] = new(["receive", "transfer"], Desk.Specialist, DossierStatus.Processing, ProcessingStep.Appraise,
            _ => new { agency = AgencyA, note = "Đã thẩm tra" }) { Procedure = LedByA },
        [DossierAction.Consult] = new(["receive", "transfer"], Desk.Specialist, DossierStatus.Processing, ProcessingStep.Appraise,
            due => new { agency = AgencyB, question = "Đề nghị cho ý kiến", dueAt = due!.Value.AddDays(-7) },
            form => form.Locator("textarea[name=question]").FillAsync("Đề nghị cho ý kiến")),
        [DossierAction.AnswerConsultation] = new(["receive", "transfer", "consult"], Desk.SpecialistB, DossierStatus.Processing, ProcessingStep.Appraise,
            _ => new { id = 1, answer = "Thống nhất" }, form => form.Locator("textarea[name=answer]").FillAsync("Thống nhất")),
        [DossierAction.Assign] = new(["receive", "transfer"], Desk.Leader, DossierStatus.Processing, ProcessingStep.Appraise,
            _ => new { userName = $"second.{AgencyA}" }, form => form.Locator("select[name=userName]").SelectOptionAsync($"second.{AgencyA}")),
    };

    public static TheoryData<DossierAction, bool> Cases()
    {
        var cases = new TheoryData<DossierAction, bool>();
        foreach (var action in Walks.Keys)
        {
            cases.Add(action, true);
            cases.Add(action, false);
        }

        return cases;
    }

    /// <summary>Every action of Decree 118 but the submission (the counter's own test) is walked here.</summary>
    [Fact]
    public void EveryAction_IsWalked() =>
        Assert.Equal(
            DossierActions.Moves.Where(a => a != DossierAction.Submit && !InForce.Decree118.Missing.ContainsKey(a)).Order(),
            Walks.Keys.Order());

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Action_ThroughThePageOrTheApi_LandsWhereTheTableSays(DossierAction action, bool throughThePage)
    {
        Engine.Clock.StartNextWeek();
        var walk = Walks[action];
        var word = EnumWords.Of(action);
        var code = await SubmitAsync(receive: false, TestCatalogue.Request(walk.Procedure));
        using var officer = await Engine.ClientAsync(Officer.Subject, ["officer"], OneStop);
        using var specialist = await Engine.ClientAsync($"specialist.{AgencyA}", ["specialist"], AgencyA);
        using var leader = await Engine.ClientAsync($"leader.{AgencyA}", ["leader"], AgencyA);
        using var specialistB = await Engine.ClientAsync($"specialist.{AgencyB}", ["specialist"], AgencyB);
        foreach (var step in walk.Before)
        {
            if (step == "fifteen-days")
            {
                // The closure period runs from the notice: 15 days and a weekend later it has run whatever the weekday.
                Engine.Clock.MoveTo(Engine.Clock.GetUtcNow().AddDays(18));
                continue;
            }

            var due = (await officer.GetFromJsonAsync<DossierSnapshot>($"/api/dossiers/{code}", Engine.Json))!.DueAt;
            var (client, body) = step switch
            {
                "receive" or "transfer" => (officer, (object)new { }),
                "propose-extension" => (leader, new { reason = "Cần xác minh", newDueAt = due!.Value.AddDays(7) }),
                "return" => (officer, new { method = "counter" }),
                "request-supplement" => (walk.Before.Contains("transfer") ? specialist : officer, new { reason = "Thiếu", items = new[] { "Tờ khai" } }),
                "request-payment" => (specialist, new { amount = 50_000, note = "Lệ phí" }),
                "appraise" => (specialist, new { outcome = "eligible" }),
                "approve" => (leader, new { }),
                "consult" => (specialist, new { agency = AgencyB, question = "Đề nghị cho ý kiến", dueAt = due!.Value.AddDays(-7) }),
                _ => throw new InvalidOperationException($"The walk does not know the step {step}."),
            };
            await ActAsync(client, code, step, body);
        }

        var by = walk.By switch { Desk.Officer => officer, Desk.Specialist => specialist, Desk.SpecialistB => specialistB, _ => leader };
        if (throughThePage)
        {
            var page = walk.By switch
            {
                Desk.Officer => await OfficerAsync(), Desk.Specialist => await SpecialistAsync(), Desk.SpecialistB => await SpecialistAsync(AgencyB), _ => await LeaderAsync(),
            };
            await page.GotoAsync($"/dossiers/{code}");
            await ActAsync(page, word, walk.Fill);
        }
        else
        {
            var due = (await by.GetFromJsonAsync<DossierSnapshot>($"/api/dossiers/{code}", Engine.Json))!.DueAt;
            await ActAsync(by, code, word, walk.Body(due));
        }

        var after = (await officer.GetFromJsonAsync<DossierSnapshot>($"/api/dossiers/{code}", Engine.Json))!;
        Assert.Equal((walk.To, walk.Step, action), (after.Status, after.Step, after.Log[^1].Action));
    }

    private static Task Reason(ILocator form) => form.Locator("textarea[name=reason]").FillAsync("Lý do của người xử lý");
}
