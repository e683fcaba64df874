using System.ComponentModel.DataAnnotations;

namespace HccOrleans.Hosting;

/// <summary>The <c>Shutdown</c> configuration section: how long a process may take to stop once asked (SIGTERM).</summary>
public sealed class ShutdownOptions : IValidatableObject
{
    public const string Section = "Shutdown";

    /// <summary>The hard bound: at this age of the stop the process exits, whatever the database or the cluster does.</summary>
    public TimeSpan Bound { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The graceful part: the host cancels the services' stops after it, leaving the rest of the bound to finish.</summary>
    public TimeSpan Graceful => Bound * 0.75;

    /// <summary>When the watchdog ends a stop still running: a second before the bound, so the process is gone within it.</summary>
    public TimeSpan Forced => Bound - TimeSpan.FromSeconds(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Bound < TimeSpan.FromSeconds(2) || Bound > TimeSpan.FromSeconds(30))
        {
            yield return new ValidationResult($"'{Bound}' must lie between 00:00:02 and 00:00:30: an orchestrator kills a process that takes longer.", [nameof(Bound)]);
        }
    }
}
