using System.Globalization;
using Npgsql;

namespace HccOrleans.Tests.PostgreSQL;

/// <summary>
/// A calendar change's recompute on a real PostgreSQL, with the silo killed right after the change was accepted:
/// the recompute goes on after the restart, and every dossier moves exactly once, with one log line and one notice.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class CalendarRecomputeDurabilityTests(PostgresServer postgres, Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Procedure = "9.000501.000.00.00.T";
    private const int Dossiers = 240;

    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Fact]
    public async Task Recompute_KilledMidway_GoesOnAfterTheRestart_AndMovesEachDossierOnce()
    {
        var connectionString = await postgres.CreateDatabaseAsync("recompute");
        await using var silo = new SiloProcess(connectionString, $"recompute-{Guid.NewGuid():N}"[..20]);
        silo.Start();
        await silo.WaitReadyAsync();
        using var http = new EngineHttp(silo.BaseAddress);
        await http.SeedAsync(Procedure, seconds: 72 * 3600);
        var received = new List<DossierSnapshot>();
        foreach (var chunk in Enumerable.Range(0, Dossiers).Chunk(16))
        {
            received.AddRange(await Task.WhenAll(chunk.Select(async _ => await http.ReceiveAsync(Officer, (await http.SubmitAsync(Procedure)).Code))));
        }

        // Office hours are round the clock and every day is worked, so each dossier has three days; the day after
        // the first receipt becomes a day off, and a dossier received that day, its whole time crossing the day,
        // is due a day later.
        var receiptDay = LocalDay(received[0].ReceivedAt!.Value);
        var day = receiptDay.AddDays(1);
        var crossing = received.Where(d => LocalDay(d.ReceivedAt!.Value) == receiptDay).ToList();
        var year = await http.JsonAsync(Admin, HttpMethod.Get, $"/api/calendar/{day.Year}", null, HttpStatusCode.OK);
        var workingDays = year.GetProperty("workingDays").EnumerateArray().Select(d => d.GetString()!).Where(d => d != Iso(day)).ToArray();
        var accepted = await http.JsonAsync(Admin, HttpMethod.Put, $"/api/calendar/{day.Year}?dueDates=recompute",
            new { holidays = new[] { Iso(day) }, workingDays }, HttpStatusCode.Accepted);

        // Killed once the first batches are stored, so that the restart finds the recompute midway.
        var atKill = await http.JsonAsync(Admin, HttpMethod.Get, $"/api/calendar/{day.Year}/recompute", null, HttpStatusCode.OK);
        for (var polls = 0; atKill.GetProperty("done").GetInt32() == 0 && polls < 500; polls++)
        {
            atKill = await http.JsonAsync(Admin, HttpMethod.Get, $"/api/calendar/{day.Year}/recompute", null, HttpStatusCode.OK);
        }

        silo.Kill();
        silo.Start();
        await silo.WaitReadyAsync();

        // The reminder brings the recompute back within its period (a minute) of the restart.
        var progress = await FinishedAsync(http, day.Year, TimeSpan.FromMinutes(3));
        RunReport.Write(output, "calendar recompute killed midway",
            $"{Dossiers} dossiers; the silo killed with {atKill.GetProperty("done").GetInt32()} done (accepted with {accepted.GetProperty("total").GetInt32()} to move); after the restart {progress.GetProperty("moved").GetInt32()} moved, {progress.GetProperty("unchanged").GetInt32()} unchanged (taken again after the kill), {progress.GetProperty("failed").GetArrayLength()} failed");

        Assert.Equal(Dossiers, progress.GetProperty("total").GetInt32());
        Assert.Equal(Dossiers, progress.GetProperty("moved").GetInt32() + progress.GetProperty("unchanged").GetInt32());
        Assert.Empty(progress.GetProperty("failed").EnumerateArray());
        foreach (var before in crossing)
        {
            var after = await http.GetAsync(before.Code);
            Assert.Equal(before.DueAt!.Value.AddDays(1), after.DueAt);
            Assert.Single(after.Log, l => l.Action == DossierAction.RecomputeDue);
        }

        Assert.Equal(Dossiers, await NoticesAsync(connectionString));
        Assert.True(crossing.Count > Dossiers / 2, $"only {crossing.Count} of {Dossiers} dossiers were received on {receiptDay}");
    }

    private static async Task<JsonElement> FinishedAsync(EngineHttp http, int year, TimeSpan within)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        JsonElement last = default;
        while (clock.Elapsed < within)
        {
            last = await http.JsonAsync(Admin, HttpMethod.Get, $"/api/calendar/{year}/recompute", null, HttpStatusCode.OK);
            if (last.TryGetProperty("finishedAt", out var finished) && finished.ValueKind == JsonValueKind.String)
            {
                return last;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        throw new TimeoutException($"the recompute of {year} had not finished within {within}; last progress {last}");
    }

    private static Actor Admin => EngineHttp.Admin;

    private static Actor Officer => TestCatalogue.Officer;

    private static DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Vietnam).DateTime);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<long> NoticesAsync(string connectionString)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var command = database.CreateCommand("SELECT count(*) FROM hcc_outbox WHERE kind = 'due-date-changed' AND recipient_role = 'citizen'");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
