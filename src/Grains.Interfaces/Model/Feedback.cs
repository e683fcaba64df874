using System.Text.Json.Serialization;

namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>What a feedback (phản ánh, kiến nghị) is about; Biểu 06a/06b count a dossier's handling as behaviour.</summary>
[GenerateSerializer, Alias("hcc.FeedbackAbout")]
public enum FeedbackAbout
{
    /// <summary>The handling of one dossier.</summary>
    Dossier = 1,
    /// <summary>An official's conduct (hành vi hành chính).</summary>
    Behaviour = 2,
    /// <summary>A regulation (quy định hành chính).</summary>
    Regulation = 3,
}

/// <summary>A feedback as the citizen sends it from the lookup page.</summary>
[GenerateSerializer, Immutable, Alias("hcc.NewFeedback")]
public sealed record NewFeedback(
    [property: Id(0)] FeedbackAbout? About,
    [property: Id(1)] string? Content,
    [property: Id(2)] string? Contact,
    [property: Id(3)] string? DossierCode,
    [property: Id(4)] string? IdNumber);

/// <summary>One feedback, its unit (the receiving unit of its dossier; none: the center's), its due date and its answer.</summary>
[GenerateSerializer, Immutable, Alias("hcc.FeedbackItem")]
public sealed record FeedbackItem(
    [property: Id(0)] int Id,
    [property: Id(1)] DateTimeOffset ReceivedAt,
    [property: Id(2)] FeedbackAbout About,
    [property: Id(3)] string Content,
    [property: Id(4)] string Contact,
    [property: Id(5)] string? DossierCode,
    [property: Id(6)] string? Unit,
    [property: Id(7)] DateTimeOffset DueAt,
    [property: Id(8), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FeedbackAnswer? Answer = null)
{
    /// <summary>Biểu 06a/06b's two contents: a dossier's handling is behaviour.</summary>
    [JsonIgnore] public bool AboutRegulation => About == FeedbackAbout.Regulation;

    public bool AnsweredBy(DateTimeOffset instant) => Answer is { } answer && answer.At <= instant;
}

[GenerateSerializer, Immutable, Alias("hcc.FeedbackAnswer")]
public sealed record FeedbackAnswer(
    [property: Id(0)] string Text,
    [property: Id(1)] string By,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] bool Published);
