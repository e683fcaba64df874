using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Grains.Interfaces;

/// <summary>
/// One idempotent submission, keyed by <see cref="GrainKeys.Submission"/>: the same body returns the same
/// dossier, another body is refused.
/// </summary>
[Alias("hcc.ISubmissionGrain")]
public interface ISubmissionGrain : IGrainWithStringKey
{
    [RepeatSafe, Alias("Submit")] Task<SubmissionResult> SubmitAsync(Actor actor, SubmissionRequest request);
}
