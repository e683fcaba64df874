namespace HccOrleans.Hosting;

/// <summary>
/// Registered by a silo that runs the Orleans dashboard (<see cref="OrleansSettings.Dashboard"/>): its endpoints are
/// mapped, and the monitor page frames it, only then.
/// </summary>
public sealed class DashboardHosting;
