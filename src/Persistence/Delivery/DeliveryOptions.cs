using System.ComponentModel.DataAnnotations;

namespace HccOrleans.Persistence.Delivery;

/// <summary>The <c>Notifications:Delivery</c> configuration section: how the outbox's messages are sent and retried.</summary>
public sealed class DeliveryOptions : IValidatableObject
{
    public const string Section = "Notifications:Delivery";

    /// <summary>How often the loop looks for messages when the last look found none.</summary>
    public TimeSpan PollEvery { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait after a first failed attempt; it doubles with each further failure, up to <see cref="LongestRetryAfter"/>.</summary>
    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan LongestRetryAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Attempts of a citizen's message before it is marked failed. Portal sync never gives up: later changes wait behind it.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How long a silo holds a message it is sending; past it, another silo may send it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public int Batch { get; set; } = 50;

    /// <summary>How many of a round's messages are on their way at once (each to a different dossier or destination).</summary>
    public int Parallel { get; set; } = 8;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PollEvery <= TimeSpan.Zero || FirstRetryAfter <= TimeSpan.Zero || LongestRetryAfter < FirstRetryAfter)
        {
            yield return new ValidationResult("PollEvery and FirstRetryAfter must be positive, and LongestRetryAfter at least FirstRetryAfter.");
        }

        if (MaxAttempts < 1 || Batch < 1 || Parallel < 1 || AttemptTimeout <= TimeSpan.Zero || Lease <= AttemptTimeout)
        {
            yield return new ValidationResult("MaxAttempts, Batch and Parallel must be at least 1, and Lease longer than a positive AttemptTimeout.");
        }
    }
}
