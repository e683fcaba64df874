namespace HccOrleans.Grains.Interfaces;

/// <summary>
/// A grain method that may be called again with the same arguments and changes nothing the second time: a read, or
/// a write keyed so that a repeat answers with the first one's result (a submission by its idempotency key) — or whose
/// repeat breaks no promise (a sequence number drawn again leaves a gap, which codes allow, never a reuse). When
/// such a call's target silo leaves before it answers, callers make it once more instead of failing
/// (<c>Hosting/RepeatSafeCalls.cs</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class RepeatSafeAttribute : Attribute;
