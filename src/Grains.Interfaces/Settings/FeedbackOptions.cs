using System.ComponentModel.DataAnnotations;

namespace HccOrleans.Grains.Interfaces.Settings;

/// <summary>The <c>Feedback</c> configuration section.</summary>
public sealed class FeedbackOptions : IValidatableObject
{
    public const string Section = "Feedback";

    /// <summary>
    /// Working days a feedback has for its answer, the day of receipt not counted (default 10). Set it to the period
    /// of the act the center applies; docs/rules/feedback.md says why 10.
    /// </summary>
    public int AnswerWithinWorkingDays { get; set; } = 10;

    /// <summary>Feedback one address may send an hour.</summary>
    public int PermitsPerHour { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AnswerWithinWorkingDays is < 1 or > 90 || PermitsPerHour < 1)
        {
            yield return new ValidationResult("AnswerWithinWorkingDays must be 1–90 and PermitsPerHour at least 1.");
        }
    }
}
