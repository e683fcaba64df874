using System.Globalization;

namespace HccOrleans.Tests.PostgreSQL;

/// <summary>
/// What leaves the engine, against real other sides: the citizen's email through a real SMTP server (aiosmtpd), and
/// portal sync through a local server playing the portal. The silo is a real process, so that it can be killed; the
/// class runs alone, since starting silo processes while the browser tests run starves both on a small machine.
/// </summary>
[Collection(PostgresAloneCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class OutboxDeliveryTests(PostgresServer postgres)
{
    private const string Procedure = "9.000601.000.00.00.T";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Fact]
    public async Task TheReceiptEmail_ArrivesThroughSmtp_InVietnamese_WithTheCodeAndTheDueDate()
    {
        await using var smtp = await SmtpServer.StartedAsync();
        await using var silo = await StartedAsync("smtp", Smtp(smtp));
        using var http = new EngineHttp(silo.BaseAddress);
        await http.SeedAsync(Procedure, seconds: 48 * 3600);

        var received = await http.ReceiveAsync(Officer, (await http.SubmitAsync(Procedure)).Code);
        await Waits.UntilAsync(() => smtp.Received().Count >= 1, Within, () => $"no email; the outbox says {Outbox(http, received.Code).Result}");

        var email = Assert.Single(smtp.Received());
        var code = received.OfficialCode!;
        var due = TimeZoneInfo.ConvertTime(received.DueAt!.Value, Vietnam).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);
        Assert.Equal("binh@example.vn", email.To.Mailboxes.Single().Address);
        Assert.Equal($"Hồ sơ {code} đã được tiếp nhận", email.Subject);
        Assert.Contains($"Hồ sơ {code} (Thủ tục thử nghiệm) đã được tiếp nhận lúc", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Ngày hẹn trả kết quả: {due}.", email.TextBody, StringComparison.Ordinal);
        // The server has the email before the loop records it as sent: wait for the record, not just the email.
        JsonElement row = default;
        await Waits.UntilAsync(() =>
        {
            row = Assert.Single(CitizenMessagesAsync(http, received.Code).Result);
            return row.GetProperty("outcome").GetProperty("state").GetString() != "waiting";
        }, Within, () => $"the message is still waiting: {row}");
        Assert.Equal(("sent", 1), (row.GetProperty("outcome").GetProperty("state").GetString(), row.GetProperty("outcome").GetProperty("attempts").GetInt32()));
    }

    [Fact]
    public async Task WithSmtpDown_TheTransitionSucceeds_TheMessageIsRetried_ThenDeliveredExactlyOnceWhenSmtpReturns()
    {
        await using var smtp = new SmtpServer();
        await using var silo = await StartedAsync("smtp-down", Smtp(smtp));
        using var http = new EngineHttp(silo.BaseAddress);
        await http.SeedAsync(Procedure, seconds: 48 * 3600);

        var first = await http.ReceiveAsync(Officer, (await http.SubmitAsync(Procedure)).Code);
        Assert.Equal(DossierStatus.Processing, first.Status);
        JsonElement waiting = default;
        await Waits.UntilAsync(() =>
        {
            waiting = CitizenMessagesAsync(http, first.Code).Result.Single();
            return waiting.GetProperty("outcome").GetProperty("attempts").GetInt32() >= 2;
        }, Within, () => $"not retried: {waiting}");
        Assert.Equal("waiting", waiting.GetProperty("outcome").GetProperty("state").GetString());
        Assert.StartsWith("Không kết nối được", waiting.GetProperty("outcome").GetProperty("lastError").GetString(), StringComparison.Ordinal);

        await smtp.StartAsync();
        await Waits.UntilAsync(() => smtp.Received().Count >= 1, Within, () => $"not delivered after SMTP returned: {Outbox(http, first.Code).Result}");
        // A second dossier's email arriving after the first is the barrier: the loop went on past the first, which
        // would have been sent again by then if it were going to be.
        var second = await http.ReceiveAsync(Officer, (await http.SubmitAsync(Procedure)).Code);
        await Waits.UntilAsync(() => smtp.Received().Any(m => m.Subject!.Contains(second.OfficialCode!, StringComparison.Ordinal)), Within,
            () => $"the second dossier's email did not come: {string.Join(" | ", smtp.Received().Select(m => m.Subject))}");

        Assert.Single(smtp.Received(), m => m.Subject!.Contains(first.OfficialCode!, StringComparison.Ordinal));
        var sent = (await CitizenMessagesAsync(http, first.Code)).Single().GetProperty("outcome");
        Assert.Equal("sent", sent.GetProperty("state").GetString());
        Assert.True(sent.GetProperty("attempts").GetInt32() >= 3, sent.ToString());
    }

    [Fact]
    public async Task PortalSync_GoesInOrderPerDossier_IsRetriedAfterA500_AndHasNoDuplicateEffectAfterTheSiloIsKilled()
    {
        await using var portal = await TestAdapter.StartedAsync();
        await using var silo = await StartedAsync("portal", new Dictionary<string, string>
        {
            ["Portal__Endpoint"] = portal.Address.ToString(),
            ["Notifications__Delivery__Lease"] = "00:00:03",
            ["Notifications__Delivery__AttemptTimeout"] = "00:00:02",
        });
        using var http = new EngineHttp(silo.BaseAddress);
        await http.SeedAsync(Procedure, seconds: 48 * 3600);

        // The first status change (the receipt, version 2) is refused three times (about a second of backoff); the ones
        // after it, made meanwhile, must wait behind it.
        var code = (await http.SubmitAsync(Procedure)).Code;
        portal.Fail($"{code}/v2/portal", 3);
        await http.ReceiveAsync(Officer, code);
        var appraising = await http.GetAsync(code);
        await http.ActAsync(new Actor("specialist", [Role.Specialist], appraising.StepAgency!), code, "appraise", new { outcome = "eligible", note = "Đủ điều kiện" });
        var approving = await http.GetAsync(code);
        var licence = await UploadAsync(silo.BaseAddress, await http.TokenAsync(Officer));
        await http.ActAsync(new Actor("leader", [Role.Leader], approving.StepAgency!), code, "approve",
            new { note = "Đồng ý", result = new { documentName = "Giấy phép", resultType = "GP", summary = "Cấp phép", fileId = licence } });
        await Waits.UntilAsync(() => Delivered(portal, code).Count == 3, Within, () => $"the portal has {Describe(portal)}");

        // The electronic result went to the citizen's portal account: the adapter fetches its file with its own token.
        await Waits.UntilAsync(() => portal.Effects.Any(e => e.Path == "/results"), Within, () => $"no result; the portal has {Describe(portal)}");
        var sent = portal.Effects.Single(e => e.Path == "/results").Body;
        Assert.Equal(("049190004321.GP", licence), (sent.GetProperty("documentCode").GetString(), sent.GetProperty("fileId").GetGuid()));
        using (var adapter = new HttpClient { BaseAddress = silo.BaseAddress })
        {
            adapter.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await http.TokenAsync(Portal));
            Assert.Equal(HttpStatusCode.OK, (await adapter.GetAsync(sent.GetProperty("fileUrl").GetString())).StatusCode);
        }

        var lookup = await http.JsonAsync(Portal, HttpMethod.Get, $"/api/lookup?code={code}&idNumber=049190004321", null, HttpStatusCode.OK);
        Assert.Contains("đã được gửi vào tài khoản của Ông/Bà trên Cổng Dịch vụ công quốc gia", lookup.GetProperty("resultDelivery").GetString(), StringComparison.Ordinal);

        // The return's change is held at the portal (which acts on it) while the silo dies before it hears the answer.
        var hold = portal.HoldNext();
        await http.ActAsync(Officer, code, "return", new { method = "counter" });
        var held = await Waits.WithinAsync(hold.Arrived, Within, () => $"the return's change; the portal has {Describe(portal)}");
        silo.Kill();
        hold.Release();
        silo.Start();
        await silo.WaitReadyAsync();
        await Waits.UntilAsync(() => portal.Requests.Count(r => r.Key == held.Key) >= 2, Within, () => $"not sent again after the kill; the portal has {Describe(portal)}");

        var effects = Delivered(portal, code);
        var stored = await http.GetAsync(code);
        // The first status change was refused and tried again, and nothing of the dossier's went before it took effect.
        var changes = portal.Requests.Where(r => r.Path == "/dossier-status").ToList();
        Assert.Equal([500, 500, 500, 200], changes.Take(4).Select(r => r.Status));
        Assert.Single(changes.Take(4).Select(r => r.Key).Distinct());
        Assert.Equal([2, 4, 9, 10], effects.Select(e => e.Body.GetProperty("nationalStatusCode").GetInt32()));
        Assert.Equal(effects.Select(e => e.Body.GetProperty("version").GetInt64()).Order(), effects.Select(e => e.Body.GetProperty("version").GetInt64()));
        Assert.Equal(stored.Version, effects[^1].Body.GetProperty("version").GetInt64());
        Assert.Equal(effects.Count, effects.Select(e => e.Key).Distinct().Count());
        Assert.All(effects, e => Assert.Equal(stored.OfficialCode, e.Body.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task SmsAndZalo_GoThroughTheirAdapters_ToThePhoneTheCitizenGave()
    {
        await using var sms = await TestAdapter.StartedAsync();
        await using var zalo = await TestAdapter.StartedAsync();
        await using var silo = await StartedAsync("sms-zalo", new Dictionary<string, string>
        {
            ["Notifications__Sms__Endpoint"] = new Uri(sms.Address, "send").ToString(),
            ["Notifications__Zalo__Endpoint"] = new Uri(zalo.Address, "send").ToString(),
        });
        using var http = new EngineHttp(silo.BaseAddress);
        await http.SeedAsync(Procedure, seconds: 48 * 3600);

        async Task<DossierSnapshot> ReceivedAsync(NoticeChannel channel, string phone)
        {
            var request = Request(Procedure) with { Applicant = Request().Applicant with { Phone = phone, Notify = channel } };
            var submitted = await http.SendAsync(Officer, HttpMethod.Post, "/api/dossiers", request, HttpStatusCode.Created, Guid.NewGuid().ToString());
            return await http.ReceiveAsync(Officer, submitted.Code);
        }

        var bySms = await ReceivedAsync(NoticeChannel.Sms, "0905000111");
        var byZalo = await ReceivedAsync(NoticeChannel.Zalo, "0905000222");
        await Waits.UntilAsync(() => sms.Effects.Count >= 1 && zalo.Effects.Count >= 1, Within, () => $"sms: {Describe(sms)}; zalo: {Describe(zalo)}");

        var text = Assert.Single(sms.Effects).Body;
        Assert.Equal(("0905000111", $"{bySms.Code}/v2/receive/citizen"), (text.GetProperty("to").GetString(), text.GetProperty("id").GetString()));
        Assert.StartsWith($"Hồ sơ {bySms.OfficialCode} (Thủ tục thử nghiệm) đã được tiếp nhận lúc", text.GetProperty("text").GetString(), StringComparison.Ordinal);
        var message = Assert.Single(zalo.Effects).Body;
        Assert.Equal(("0905000222", byZalo.Code), (message.GetProperty("to").GetString(), message.GetProperty("dossier").GetString()));
        Assert.DoesNotContain(sms.Effects, e => e.Body.GetProperty("dossier").GetString() == byZalo.Code);
    }

    [Fact]
    public async Task APaymentRequest_ReachesThePlatform_AndItsCallbackRepeatedTwiceRecordsOnePayment()
    {
        await using var platform = await TestAdapter.StartedAsync();
        await using var silo = await StartedAsync("payment", new Dictionary<string, string> { ["Payments__Endpoint"] = platform.Address.ToString() });
        using var http = new EngineHttp(silo.BaseAddress);
        await http.SeedAsync(Procedure, seconds: 48 * 3600);
        var code = await AwaitingPaymentAsync(http, 150_000);

        await Waits.UntilAsync(() => Orders(platform, code).Count == 1, Within, () => $"no order; the platform has {Describe(platform)}");
        var order = Orders(platform, code)[0].Body;
        Assert.Equal((150_000m, "Lệ phí cấp giấy"), (order.GetProperty("amount").GetDecimal(), order.GetProperty("note").GetString()));

        // The platform confirms twice (its retry after a lost answer): both are answered, one payment is recorded.
        var callback = new { dossierCode = order.GetProperty("dossierCode").GetString(), reference = "VNPAY-20301105-0001", amount = 150_000, proof = "Mã xác nhận 884211" };
        var first = await http.JsonAsync(Portal, HttpMethod.Post, "/api/payments/callback", callback, HttpStatusCode.OK);
        var repeat = await http.JsonAsync(Portal, HttpMethod.Post, "/api/payments/callback", callback, HttpStatusCode.OK);
        var paid = await http.GetAsync(code);
        Assert.Equal(first.GetProperty("version").GetInt64(), repeat.GetProperty("version").GetInt64());
        Assert.Equal(first.GetProperty("version").GetInt64(), paid.Version);
        Assert.Single(paid.Log, l => l.Action == DossierAction.Pay);
        Assert.Equal(("VNPAY-20301105-0001", PaymentMethod.Online, "Mã xác nhận 884211"), (paid.Payment!.ReceiptNumber, paid.Payment.Method, paid.Payment.Proof));
        Assert.Equal(DossierStatus.Processing, paid.Status);

        // The same reference for another dossier, a wrong amount, a negative one: refused, nothing recorded.
        var other = await AwaitingPaymentAsync(http, 150_000);
        var reused = await http.JsonAsync(Portal, HttpMethod.Post, "/api/payments/callback", callback with { dossierCode = other }, HttpStatusCode.Conflict);
        var mismatched = await http.JsonAsync(Portal, HttpMethod.Post, "/api/payments/callback", callback with { dossierCode = other, reference = "VNPAY-2", amount = 100_000 }, (HttpStatusCode)422);
        var negative = await http.JsonAsync(Portal, HttpMethod.Post, "/api/payments/callback", callback with { dossierCode = other, reference = "VNPAY-3", amount = -150_000 }, HttpStatusCode.BadRequest);
        Assert.Equal(("payment-reference-used", "payment-amount-mismatch"), (Rule(reused), Rule(mismatched)));
        Assert.True(negative.GetProperty("errors").TryGetProperty("amount", out _), negative.ToString());
        var unpaid = await http.GetAsync(other);
        Assert.Equal((DossierStatus.AwaitingPayment, null), (unpaid.Status, unpaid.Payment!.PaidAt));
    }

    private static async Task<string> AwaitingPaymentAsync(EngineHttp http, decimal amount)
    {
        var code = (await http.SubmitAsync(Procedure)).Code;
        var received = await http.ReceiveAsync(Officer, code);
        await http.ActAsync(new Actor("specialist", [Role.Specialist], received.StepAgency!), code, "request-payment", new { amount, note = "Lệ phí cấp giấy" });
        return code;
    }

    private static List<TestAdapter.Received> Orders(TestAdapter platform, string code) =>
        [.. platform.Effects.Where(e => e.Path == "/orders" && e.Body.GetProperty("registrationNumber").GetString() == code)];

    private static string? Rule(JsonElement problem) => problem.GetProperty("rule").GetString();

    private static async Task<Guid> UploadAsync(Uri engine, string token)
    {
        using var client = new HttpClient { BaseAddress = engine };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var scan = new MemoryStream([.. GeneratedFileStream.PdfHead, .. "1 0 obj << >> endobj\n%%EOF\n"u8.ToArray()]);
        using var response = await client.PostAsync("/api/files", FileUploads.Part(scan, "giay-phep.pdf", "application/pdf"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("fileId").GetGuid();
    }

    private static IReadOnlyDictionary<string, string> Smtp(SmtpServer smtp) => new Dictionary<string, string>
    {
        ["Notifications__Smtp__Host"] = "127.0.0.1",
        ["Notifications__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Notifications__Smtp__Security"] = "none",
        ["Notifications__Smtp__Sender"] = "khong-tra-loi@hcc.example.vn",
    };

    private async Task<SiloProcess> StartedAsync(string name, IReadOnlyDictionary<string, string> settings)
    {
        var all = new Dictionary<string, string>(settings)
        {
            ["Notifications__Delivery__PollEvery"] = "00:00:00.100",
            ["Notifications__Delivery__FirstRetryAfter"] = "00:00:00.200",
            ["Notifications__Delivery__LongestRetryAfter"] = "00:00:00.500",
        };
        var silo = new SiloProcess(await postgres.CreateDatabaseAsync(name), $"{name}-{Guid.NewGuid():N}"[..20], all);
        silo.Start();
        await silo.WaitReadyAsync();
        return silo;
    }

    /// <summary>The status changes of one dossier that took effect at the portal, in the order they did.</summary>
    private static List<TestAdapter.Received> Delivered(TestAdapter portal, string code) =>
        [.. portal.Effects.Where(e => e.Path == "/dossier-status" && e.Body.GetProperty("registrationNumber").GetString() == code)];

    private static string Describe(TestAdapter portal) =>
        string.Join(" | ", portal.Requests.Select(r => $"{r.Key} {r.Status}"));

    private static async Task<JsonElement[]> CitizenMessagesAsync(EngineHttp http, string code) =>
        [.. (await Outbox(http, code)).GetProperty("items").EnumerateArray().Where(n => n.GetProperty("recipientRole").GetString() == "citizen")];

    private static Task<JsonElement> Outbox(EngineHttp http, string code) =>
        http.JsonAsync(Director, HttpMethod.Get, $"/api/notifications?dossier={code}", null, HttpStatusCode.OK);
}
