namespace HccOrleans.Tests.Api;

/// <summary>
/// The catalogue lists a procedure's components, result types and fees; the fees due at submission are paid as the
/// dossier is filed, exactly, each transfer's or platform's reference once; an approval issues only a result type the
/// procedure lists; and a fee paid online at submission counts in Decision 766's online payment rate. On an engine of
/// its own, so that the KPI counts this test's payments only.
/// </summary>
[Trait("Category", "Api")]
public sealed class FeesAtSubmissionApiTests(ApiFixture api) : ApiTestBase(api), IClassFixture<ApiFixture>
{
    private const string Procedure = "9.000224.000.00.00.T";

    [Fact]
    public async Task TheCatalogueListsComponentsResultsAndFees_AndTheSubmissionFeeIsPaidExactlyOnce()
    {
        var monday = Api.Clock.StartNextWeek();
        var admin = await Api.ClientAsync("admin", ["admin"], "");
        var definition = TestCatalogue.Procedures[0].Definition with
        {
            Components =
            [
                new CatalogueComponent("Tờ khai", Original: true, Required: true),
                new CatalogueComponent("Bản sao CCCD", Original: false, Required: false) { Exempt = "in-a-database" },
            ],
            ResultTypes = [new ResultType("GP", "Giấy phép")],
            Fees = [new ProcedureFee("Lệ phí cấp phép", 200_000m, FeeTiming.Submission), new ProcedureFee("Phí thẩm định", 1_000_000m, FeeTiming.AfterReceipt)],
        };

        // Bad catalogue entries are refused naming the field.
        var (badExempt, badExemptBody) = await SendAsync(admin, HttpMethod.Put, $"/api/procedures/{Procedure}",
            definition with { Components = [new CatalogueComponent("Tờ khai", true, true) { Exempt = "lost" }], Fees = [new ProcedureFee("Lệ phí", -1m, FeeTiming.Submission)] });
        AssertProblem(badExempt, badExemptBody, HttpStatusCode.BadRequest, "validation");
        var catalogueErrors = badExemptBody.GetProperty("errors");
        Assert.True(catalogueErrors.TryGetProperty("components[0].exempt", out _) && catalogueErrors.TryGetProperty("fees[0].amount", out _), catalogueErrors.ToString());

        var (put, view) = await SendAsync(admin, HttpMethod.Put, $"/api/procedures/{Procedure}", definition);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(("in-a-database", "GP", "after-receipt"), (view.GetProperty("components")[1].GetProperty("exempt").GetString(),
            view.GetProperty("resultTypes")[0].GetProperty("code").GetString(), view.GetProperty("fees")[1].GetProperty("when").GetString()));

        var officer = await OfficerAsync();
        var request = TestCatalogue.Request(Procedure);
        async Task<(HttpResponseMessage Response, JsonElement Body)> FileAsync(params SubmissionPayment[]? payments) =>
            await SendAsync(officer, HttpMethod.Post, "/api/dossiers", request with { Payments = payments }, idempotencyKey: Guid.NewGuid().ToString());

        // Nothing paid, too little, a fee set after receipt paid too early, a negative amount, a transfer without its reference.
        var (unpaid, unpaidBody) = await FileAsync();
        AssertProblem(unpaid, unpaidBody, HttpStatusCode.UnprocessableEntity, "fee-due-at-submission");
        Assert.Contains("200.000", unpaidBody.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var (short_, shortBody) = await FileAsync(new SubmissionPayment(PaymentMethod.Counter, 100_000m, "BL-1"));
        AssertProblem(short_, shortBody, HttpStatusCode.UnprocessableEntity, "fee-due-at-submission");
        var (early, earlyBody) = await FileAsync(new SubmissionPayment(PaymentMethod.Counter, 1_200_000m, "BL-2"));
        AssertProblem(early, earlyBody, HttpStatusCode.UnprocessableEntity, "fee-due-at-submission");
        var (negative, negativeBody) = await FileAsync(new SubmissionPayment(PaymentMethod.Counter, -200_000m, "BL-3"), new SubmissionPayment(PaymentMethod.Transfer, 400_000m, null));
        AssertProblem(negative, negativeBody, HttpStatusCode.BadRequest, "validation");
        var errors = negativeBody.GetProperty("errors");
        Assert.True(errors.TryGetProperty("payments[0].amount", out _) && errors.TryGetProperty("payments[1].reference", out _), errors.ToString());

        // Paid partly in cash, the rest online with the platform's reference: filed, and the dossier shows both.
        var key = Guid.NewGuid().ToString();
        var paidOnline = request with { Payments = [new SubmissionPayment(PaymentMethod.Counter, 50_000m, "BL-9"), new SubmissionPayment(PaymentMethod.Online, 150_000m, "VNPAY-224-1")] };
        var (filed, dossier) = await SendAsync(officer, HttpMethod.Post, "/api/dossiers", paidOnline, idempotencyKey: key);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var payment = dossier.GetProperty("payments")[1];
        Assert.Equal(("online", 150_000m, "VNPAY-224-1"), (payment.GetProperty("method").GetString(), payment.GetProperty("amount").GetDecimal(), payment.GetProperty("reference").GetString()));

        // The same submission repeated is the same dossier; the same reference for another dossier is refused.
        var (repeated, repeatedBody) = await SendAsync(officer, HttpMethod.Post, "/api/dossiers", paidOnline, idempotencyKey: key);
        Assert.Equal((HttpStatusCode.OK, dossier.GetProperty("code").GetString()), (repeated.StatusCode, repeatedBody.GetProperty("code").GetString()));
        var (reused, reusedBody) = await FileAsync(new SubmissionPayment(PaymentMethod.Online, 200_000m, "VNPAY-224-1"));
        AssertProblem(reused, reusedBody, HttpStatusCode.Conflict, "payment-reference-used");

        // Approval issues only a result type the procedure lists.
        var code = dossier.GetProperty("code").GetString()!;
        await ReceiveAsync(officer, code);
        await PostAsync(await SpecialistAsync(), $"/api/dossiers/{code}/appraise", new { outcome = "eligible" });
        var leader = await LeaderAsync();
        var (wrongType, wrongTypeBody) = await PostAsync(leader, $"/api/dossiers/{code}/approve",
            new { result = new { documentName = "Giấy chứng nhận", resultType = "GCN", summary = "Cấp giấy chứng nhận" } });
        AssertProblem(wrongType, wrongTypeBody, HttpStatusCode.UnprocessableEntity, "result-type-not-in-catalogue");
        Assert.Contains("GP (Giấy phép)", wrongTypeBody.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var (approved, _) = await PostAsync(leader, $"/api/dossiers/{code}/approve", new { result = new { documentName = "Giấy phép", resultType = "GP", summary = "Cấp phép" } });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        // A counter payment of the same fee for another dossier: the KPI counts one of two paid dossiers paid online (a
        // dossier is paid online once any part of its fees went through the platform).
        var (atCounter, counterDossier) = await FileAsync(new SubmissionPayment(PaymentMethod.Counter, 200_000m, "BL-224"));
        Assert.Equal(HttpStatusCode.Created, atCounter.StatusCode);
        await ReceiveAsync(officer, counterDossier.GetProperty("code").GetString()!);
        var (_, kpi) = await SendAsync(await Api.ClientAsync("director", ["director"], ""), HttpMethod.Get,
            $"/api/reports/kpi?from={Instant(monday)}&to={Instant(monday.AddDays(7))}");
        Assert.Equal(0.5m, kpi.GetProperty("onlinePaymentRate").GetDecimal());
    }

    [Fact]
    public async Task AReceipt_ListsTheRequiredComponents_OrSaysWhyNot()
    {
        Api.Clock.StartNextWeek();
        var admin = await Api.ClientAsync("admin", ["admin"], "");
        const string code = "9.000225.000.00.00.T";
        var definition = TestCatalogue.Procedures[0].Definition with
        {
            Components = [new CatalogueComponent("Tờ khai", Original: true, Required: true), new CatalogueComponent("Giấy ủy quyền", Original: true, Required: true)],
        };
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(admin, HttpMethod.Put, $"/api/procedures/{code}", definition)).Response.StatusCode);
        var officer = await OfficerAsync();
        var dossier = await SubmitAsync(officer, TestCatalogue.Request(code)); // Tờ khai and Bản sao CCCD: no power of attorney

        var (refused, refusedBody) = await PostAsync(officer, $"/api/dossiers/{dossier}/receive");
        AssertProblem(refused, refusedBody, HttpStatusCode.UnprocessableEntity, "required-components-missing");
        Assert.Contains("Giấy ủy quyền", refusedBody.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var (_, unchanged) = await SendAsync(officer, HttpMethod.Get, $"/api/dossiers/{dossier}");
        Assert.Equal("submitted", unchanged.GetProperty("status").GetString());

        var (received, receivedBody) = await PostAsync(officer, $"/api/dossiers/{dossier}/receive", new { note = "Người nộp là chính chủ, không cần ủy quyền" });
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        Assert.EndsWith("Người nộp là chính chủ, không cần ủy quyền", receivedBody.GetProperty("log")[1].GetProperty("note").GetString(), StringComparison.Ordinal);
    }
}
