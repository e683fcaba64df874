using HccOrleans.Grains.Intake;
using HccOrleans.Grains.Regimes;
using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Escalations;
using HccOrleans.Grains.Hosting;
using HccOrleans.Grains.Notices;
using HccOrleans.Grains.Documents;
using HccOrleans.Grains.Workflow;
using HccOrleans.Grains.Workflow.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HccOrleans.Grains.Dossiers;

[GrainType("dossier")]
public sealed class DossierGrain(
    [PersistentState("dossier", "hcc")] IPersistentState<DossierState> state,
    [FromKeyedServices(EngineClock.Key)] TimeProvider clock,
    CalendarLoader calendars,
    INotificationSender notifications,
    IDossierIndexWriter index,
    IOptions<EscalationOptions> escalationOptions,
    IOptions<PortalOptions> portal,
    IOptions<PaymentOptions> payments,
    IOptions<NotificationOptions> channels,
    EngineMetrics metrics,
    ILogger<DossierGrain> logger) : Grain, IDossierGrain, IRemindable
{
    public const string DeadlineReminder = "deadlines";

    private static readonly Rejection NotFound = new(RejectionKind.NotFound, RuleCodes.DossierNotFound, "No dossier has this code.");

    private EscalationPolicy Policy => escalationOptions.Value.ToPolicy();

    private Adapters Adapters => new(portal.Value.SyncOn, payments.Value.OrdersOn, channel => channels.Value.IsOn(channel, portal.Value));

    public async Task<DossierResult> CreateAsync(NewDossier dossier)
    {
        if (state.State.Exists)
        {
            return DossierResult.Ok(state.State.ToSnapshot());
        }

        if (InForce.Decree118.Find(null, DossierAction.Submit, dossier.Request.Channel) is { } submit
            && Permissions.Refusal(dossier.SubmittedBy, submit, dossier.Request.ReceivingUnit, null) is { } refusal)
        {
            return Refused(DossierAction.Submit, dossier.SubmittedBy, new Rejection(RejectionKind.Forbidden, RuleCodes.NotPermitted, refusal));
        }

        var created = DossierMachine.Created(dossier);
        var now = clock.GetUtcNow();
        if (DigitisedDocuments.Of(created, now) is { Length: > 0 } digitised)
        {
            // Recorded before the dossier is stored: a failed write leaves a document the applicant may reuse, never a
            // stored dossier whose documents cannot be found again.
            await Holder(created).AddAsync(digitised);
        }

        if (EscalationSchedule.NextWakeAt(created.DeadlineView(), created.RecordedEscalations, now, await calendars.LoadAsync(now), Policy) is { } wake)
        {
            // An online dossier's reception limits run from its submission.
            await RescheduleAsync(wake, now);
            created = created with { WakeAt = wake };
        }

        await SaveAsync(created);
        return Moved(DossierAction.Submit, dossier.SubmittedBy);
    }

    public Task<DossierResult> GetAsync(Actor reader)
    {
        var s = state.State;
        if (!s.Exists)
        {
            return Task.FromResult(DossierResult.Refused(NotFound));
        }

        return Task.FromResult(Permissions.CanRead(reader, s.Request!.ReceivingUnit, s.InvolvedAgencies())
            ? DossierResult.Ok(s.ToSnapshot())
            : DossierResult.Refused(new Rejection(RejectionKind.Forbidden, RuleCodes.NotPermitted,
                $"Agency '{reader.Agency}' neither received nor handles this dossier.")));
    }

    public Task<bool> ExistsAsync() => Task.FromResult(state.State.Exists);

    public Task<DossierAction[]> OffersAsync(Actor actor) => Task.FromResult(DossierMachine.Offers(state.State, actor, clock.GetUtcNow()).ToArray());

    public Task<LookupView?> LookupAsync(string idNumber) =>
        Task.FromResult(CitizenAccess.IsApplicant(state.State, idNumber) ? CitizenAccess.View(state.State, portal.Value.SyncOn, payments.Value.PayPageOf) : null);

    public Task<RatingResult> RateAsync(string idNumber, SatisfactionRating rating, string? comment) =>
        RateAsync(idNumber, new RatingInput(rating, comment));

    public async Task<RatingResult> RateAsync(string idNumber, RatingInput rating)
    {
        var decision = CitizenAccess.Rate(state.State, idNumber, rating, clock.GetUtcNow());
        if (decision.Rejection is { } rejection)
        {
            return new RatingResult(null, rejection);
        }

        await SaveAsync(decision.Next!);
        return new RatingResult(state.State.Rating, null);
    }

    public async Task<DossierResult> ActAsync(DossierAction action, ActorContext context, ActionFields fields)
    {
        if (!Enum.IsDefined(action) || DossierCommand.From(action, fields ?? new()) is not { } command)
        {
            return DossierResult.Refused(new Rejection(RejectionKind.Invalid, RuleCodes.Validation, "Not an action on a registered dossier.",
                Errors: new() { ["action"] = ["must be one of the workflow's actions; submission has its own call."] }));
        }

        if (command is Receive && state.State.Exists)
        {
            // The dossier keeps the procedure version in force at receipt.
            var current = await GrainFactory.Reference<IProcedureGrain>(GrainKeys.Procedure(state.State.Procedure!.Code)).GetCurrentAsync();
            command = ((Receive)command) with { CurrentProcedure = Competence.For(current, state.State.Request!) };
        }

        if (command is Assign assign && assign.UserName is { } userName)
        {
            command = assign with { Person = await GrainFactory.Reference<IPeopleDirectoryGrain>(GrainKeys.People).GetAsync(userName) };
        }

        return await ExecuteAsync(command, context);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == DeadlineReminder ? CheckDeadlinesAsync() : Task.CompletedTask;

    public async Task<DossierResult> CheckDeadlinesAsync()
    {
        var s = state.State;
        if (!s.Exists)
        {
            await RescheduleAsync(null, clock.GetUtcNow());
            return DossierResult.Refused(NotFound);
        }

        var now = clock.GetUtcNow();
        var calendar = await calendars.LoadAsync(now);
        var next = s;
        if (EscalationSchedule.Timeout(s.DeadlineView(), calendar, Policy) is { } timeout && timeout.At <= now
            && DossierMachine.Decide(s, new Stop(timeout.Reason), new ActorContext(Actor.System), now, calendar, Policy).Next is { } stopped)
        {
            next = stopped;
        }

        var told = next == s ? [] : Outgoing.Of(s, next, calendar, now, Adapters);

        var due = EscalationSchedule.Due(next.DeadlineView(), next.RecordedEscalations, now, calendar, Policy);
        if (due.Count > 0)
        {
            var agency = DossierMachine.StepAgency(next) ?? next.Procedure!.Definition.AgencyCode;
            var records = due.Select(o => new EscalationRecord(o.Kind, o.DueAt, now, o.Repeat, o.Step, o.Agency ?? agency, o.Key)).ToArray();
            // Sent before they are recorded: a crash in between sends again, and the outbox drops the repeat.
            told.AddRange(EscalationNotices.For(next, records, calendar));
            next = next with { Escalations = [.. next.Escalations, .. records] };
        }

        if (told.Count > 0)
        {
            // Sent before they are recorded: a crash in between sends again, and the outbox drops the repeat.
            await notifications.SendAsync(told);
        }

        var wake = EscalationSchedule.NextWakeAt(next.DeadlineView(), next.RecordedEscalations, now, calendar, Policy);
        await RescheduleAsync(wake, now);
        next = next with { WakeAt = wake };
        if (next != s)
        {
            await SaveAsync(next);
            Recorded(s, next, now);
        }

        return DossierResult.Ok(state.State.ToSnapshot());
    }

    public async Task<bool> RecomputeDueAsync(CalendarChange change)
    {
        if (!state.State.Exists)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var calendar = await calendars.LoadAsync(now);
        var before = calendar.With(HolidayYear.Create(change.Year, change.Before.Holidays, change.Before.WorkingDays));
        if (DueRecompute.Apply(state.State, change, before, calendar, now) is not { } moved)
        {
            return false;
        }

        // Told before it is stored: a crash in between tells again, and the outbox drops the repeat.
        await notifications.SendAsync([CitizenNotices.Delivered(DueRecompute.Notice(moved, change, calendar, now), moved, Adapters.Citizen)]);
        await SaveAsync(await ArmedAsync(moved, now, calendar));
        DossierLog.Moved(logger, moved.Code, DossierAction.RecomputeDue, new Actor(change.By, [Role.Admin], ""), moved.Status, moved.Version);
        return true;
    }

    private async Task<DossierResult> ExecuteAsync(DossierCommand command, ActorContext context)
    {
        if (!state.State.Exists)
        {
            return Refused(command.Action, context.Actor, NotFound);
        }

        if (command is Pay repeated && repeated.IsRecordedIn(state.State))
        {
            return DossierResult.Ok(state.State.ToSnapshot());
        }

        var now = clock.GetUtcNow();
        var calendar = await calendars.LoadAsync(now);
        var decision = DossierMachine.Decide(state.State, command, context, now, calendar, Policy);
        if (decision.Rejection is { } rejection)
        {
            return Refused(command.Action, context.Actor, rejection);
        }

        var next = decision.Next!;
        if (command is Pay { ClaimsReference: true } pay && await GrainFactory.Reference<IDossierCodeGrain>(GrainKeys.PaymentReference(pay.ReceiptNumber!)).ClaimAsync(next.Code) != next.Code)
        {
            return Refused(command.Action, context.Actor, new Rejection(RejectionKind.Conflict, RuleCodes.PaymentReferenceUsed,
                $"The reference '{pay.ReceiptNumber}' already paid for another dossier; each payment is recorded once (Decree 118/2025 Art. 24)."));
        }

        if (command is Approve { Result: { } input })
        {
            // Numbered only once the approval is decided: a refused approval takes no number from the holder's results.
            var holder = next.Request!.Applicant;
            var type = input.ResultType!.Trim();
            var sequence = await Holder(next).ResultSequenceAsync(type, next.Code);
            next = next with { Result = ResultDocuments.Issue(input, holder, context.Actor.Subject, now, ResultCodes.Format(holder.IdNumber.Trim(), type, sequence)) };
        }

        var claimed = Task.CompletedTask;
        if (command is Receive && next.OfficialCode is null && DossierMachine.RegimeOf(state.State, now).OfficialCodeAtReceipt)
        {
            var (official, claiming) = await IssueOfficialCodeAsync(next, calendar.LocalDate(now));
            claimed = claiming;
            var note = next.Log[^1].Note is { } reason ? $"Mã hồ sơ {official}; {reason}" : $"Mã hồ sơ {official}";
            next = next with { OfficialCode = official, Log = [.. next.Log[..^1], next.Log[^1] with { Note = note }] };
        }

        if (next.Result is { FileId: { } resultFile } result && resultFile != state.State.Result?.FileId)
        {
            // An electronic result is the holder's document from now on: a later dossier reuses it (Art. 22(1)).
            await Holder(next).AddAsync([new CitizenDocument(resultFile, result.DocumentName, next.Code, now, Result: true, result.ResultType)]);
        }

        // Sent before the transition is stored: a crash in between sends again, and the outbox drops the repeat; what
        // leaves the engine waits until the version it tells of is stored.
        var told = Outgoing.Of(state.State, next, calendar, now, Adapters);
        if (command is Receive && ForwardNotice.For(next, now, calendar) is { } forwarded)
        {
            told.Add(forwarded);
        }

        // The code's claim, the notices and the deadline reminder do not depend on one another, only the state write on
        // all three: they are made durable at once, and a receipt waits for one write before its own, not three.
        var sent = told.Count > 0 ? notifications.SendAsync(told) : Task.CompletedTask;
        var armed = ArmedAsync(next, now, calendar);
        await Task.WhenAll(claimed, sent, armed);
        await SaveAsync(await armed);
        return Moved(command.Action, context.Actor);
    }

    /// <summary>
    /// The dossier with its deadline reminder brought forward if its next deadline is now earlier than the one
    /// registered. Registered before the state is written, so a crash between the two leaves an early tick, never a
    /// missing one. A later deadline needs no write now: the earlier tick reschedules it.
    /// </summary>
    private async Task<DossierState> ArmedAsync(DossierState next, DateTimeOffset now, WorkingCalendar calendar)
    {
        var wake = EscalationSchedule.NextWakeAt(next.DeadlineView(), next.RecordedEscalations, now, calendar, Policy);
        if (wake is not { } earlier || (next.WakeAt is { } registered && earlier >= registered))
        {
            return next;
        }

        await RescheduleAsync(earlier, now);
        return next with { WakeAt = earlier };
    }

    /// <summary>
    /// The official code of a dossier received on <paramref name="day"/> (Decree 118/2025 Art. 28): the handling
    /// agency's electronic ID, the receipt date and that day's sequence, and its claim for this dossier under way, which
    /// the receipt awaits before it is stored. Issued only once the receipt is decided, so a refused or rejected receipt
    /// takes no number; a failed write leaves a gap, never a reuse.
    /// </summary>
    private async Task<(string Code, Task Claimed)> IssueOfficialCodeAsync(DossierState received, DateOnly day)
    {
        var agencyCode = received.Procedure!.Definition.AgencyCode;
        var agency = await GrainFactory.Reference<IUnitDirectoryGrain>(GrainKeys.Units).GetAsync(agencyCode)
            ?? throw new InvalidOperationException($"The handling agency '{agencyCode}' is not in the unit directory; it has no electronic ID to issue a code from.");
        var sequence = await GrainFactory.Reference<ICodeSequenceGrain>(GrainKeys.CodeSequence(agency.ElectronicId, day)).NextAsync();
        var code = DossierCode.Format(agency.ElectronicId, day, sequence);
        return (code, GrainFactory.Reference<IDossierCodeGrain>(code).ClaimAsync(received.Code));
    }

    /// <summary>Counts and logs what a deadline check stored (only once it is stored: a failed write is retried and counted then).</summary>
    private void Recorded(DossierState before, DossierState after, DateTimeOffset now)
    {
        if (after.Status == DossierStatus.Stopped && before.Status != DossierStatus.Stopped)
        {
            metrics.Done(DossierAction.Stop);
            DossierLog.StoppedAutomatically(logger, after.Code, now, after.Log[^1].Note ?? "");
        }

        foreach (var record in after.Escalations.Skip(before.Escalations.Length))
        {
            metrics.Escalated(record.Kind, now - record.DueAt);
            DossierLog.Escalated(logger, after.Code, record, (now - record.DueAt).TotalSeconds);
        }
    }

    private DossierResult Moved(DossierAction action, Actor actor)
    {
        var s = state.State;
        metrics.Done(action);
        DossierLog.Moved(logger, s.Code, action, actor, s.Status, s.Version);
        return DossierResult.Ok(s.ToSnapshot());
    }

    private DossierResult Refused(DossierAction action, Actor actor, Rejection rejection)
    {
        metrics.Refused(action, rejection);
        DossierLog.Refused(logger, this.GetPrimaryKeyString(), action, actor, rejection.Rule);
        return DossierResult.Refused(rejection);
    }

    private ICitizenDocumentsGrain Holder(DossierState s) =>
        GrainFactory.Reference<ICitizenDocumentsGrain>(GrainKeys.Applicant(s.Request!.Applicant.IdNumber));

    private async Task SaveAsync(DossierState next)
    {
        await state.ReplaceAsync(next);
        await index.IndexAsync(next);
    }

    private async Task RescheduleAsync(DateTimeOffset? wake, DateTimeOffset now)
    {
        if (wake is { } at)
        {
            var dueTime = at > now ? at - now : TimeSpan.Zero;
            await this.RegisterOrUpdateReminder(DeadlineReminder, dueTime, escalationOptions.Value.ReminderPeriod);
        }
        else if (await this.GetReminder(DeadlineReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
