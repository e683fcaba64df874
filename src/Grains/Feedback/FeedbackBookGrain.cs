using HccOrleans.Grains.Interfaces.Settings;
using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HccOrleans.Grains.Feedback;

[GenerateSerializer, Alias("hcc.FeedbackBookState")]
public sealed record FeedbackBookState
{
    [Id(0)] public FeedbackItem[] Items { get; init; } = [];
}

/// <summary>One year's feedback (docs/rules/feedback.md): numbered in order, due a set number of working days on, answered once.</summary>
[GrainType("feedback-book")]
public sealed class FeedbackBookGrain(
    [PersistentState("feedback-book", "hcc")] IPersistentState<FeedbackBookState> state,
    [FromKeyedServices(EngineClock.Key)] TimeProvider clock,
    CalendarLoader calendars,
    IOptions<FeedbackOptions> options) : Grain, IFeedbackBookGrain
{
    public const int MaxContent = 4000;

    public async Task<FeedbackResult> SubmitAsync(NewFeedback feedback, string? unit)
    {
        var errors = new ValidationErrors()
            .Required("about", feedback.About, "dossier, behaviour or regulation")
            .Require("content", feedback.Content, MaxContent)
            .Require("contact", feedback.Contact, 200)
            .Optional("dossierCode", feedback.DossierCode, 64);
        if (feedback.About == FeedbackAbout.Dossier && string.IsNullOrWhiteSpace(feedback.DossierCode))
        {
            errors.Add("dossierCode", "is required for feedback about a dossier, with the applicant's idNumber.");
        }

        if (!errors.IsEmpty)
        {
            return new FeedbackResult(null, Rejection.Validation(errors.ToDictionary()));
        }

        var now = clock.GetUtcNow();
        var calendar = await calendars.LoadAsync(now);
        var item = new FeedbackItem(state.State.Items.Length + 1, now, feedback.About!.Value, feedback.Content!.Trim(), feedback.Contact!.Trim(),
            feedback.DossierCode?.Trim(), unit, calendar.EndOfWorkingDaysAfter(now, options.Value.AnswerWithinWorkingDays));
        state.State = state.State with { Items = [.. state.State.Items, item] };
        await state.WriteStateAsync();
        return new FeedbackResult(item, null);
    }

    public async Task<FeedbackResult> AnswerAsync(int number, string? answer, bool publish, string by)
    {
        if (number < 1 || number > state.State.Items.Length)
        {
            return new FeedbackResult(null, new Rejection(RejectionKind.NotFound, RuleCodes.FeedbackNotFound, "No feedback has this number."));
        }

        var item = state.State.Items[number - 1];
        var errors = new ValidationErrors().Require("answer", answer, MaxContent);
        if (!errors.IsEmpty)
        {
            return new FeedbackResult(null, Rejection.Validation(errors.ToDictionary()));
        }

        if (item.Answer is not null)
        {
            return new FeedbackResult(null, new Rejection(RejectionKind.RuleRefused, RuleCodes.FeedbackAnsweredOnce, "This feedback has been answered; it is answered once."));
        }

        var answered = item with { Answer = new FeedbackAnswer(answer!.Trim(), by, clock.GetUtcNow(), publish) };
        state.State = state.State with { Items = [.. state.State.Items.Select(i => i.Id == number ? answered : i)] };
        await state.WriteStateAsync();
        return new FeedbackResult(answered, null);
    }

    public Task<FeedbackItem[]> ListAsync() => Task.FromResult(state.State.Items);
}
