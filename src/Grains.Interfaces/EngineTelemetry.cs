namespace HccOrleans.Grains.Interfaces;

/// <summary>The names the engine's own telemetry goes by, for every process that exports it.</summary>
public static class EngineTelemetry
{
    /// <summary>The meter of the engine's instruments (transitions, rejections, escalations, backlogs).</summary>
    public const string MeterName = "HccOrleans";

    /// <summary>The activity source of the engine's own spans (a group-committed batch, linked to each caller's span).</summary>
    public const string ActivitySourceName = "HccOrleans";
}
