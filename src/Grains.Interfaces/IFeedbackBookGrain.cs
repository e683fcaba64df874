using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Grains.Interfaces;

/// <summary>
/// The feedback (phản ánh, kiến nghị) received in one year, keyed by the year: numbered in order of receipt, answered
/// once each by the deadline, some published.
/// </summary>
[Alias("hcc.IFeedbackBookGrain")]
public interface IFeedbackBookGrain : IGrainWithIntegerKey
{
    /// <summary>Records a feedback for <paramref name="unit"/> (null: the center's); refused when invalid.</summary>
    [Alias("Submit")] Task<FeedbackResult> SubmitAsync(NewFeedback feedback, string? unit);

    /// <summary>Answers feedback <paramref name="number"/> of this year, once.</summary>
    [Alias("Answer")] Task<FeedbackResult> AnswerAsync(int number, string? answer, bool publish, string by);

    [Alias("List")] Task<FeedbackItem[]> ListAsync();
}

[GenerateSerializer, Immutable, Alias("hcc.FeedbackResult")]
public sealed record FeedbackResult([property: Id(0)] FeedbackItem? Item, [property: Id(1)] Rejection? Rejection);
