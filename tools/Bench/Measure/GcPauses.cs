using System.Diagnostics.Tracing;
using System.Globalization;

namespace HccOrleans.Bench.Measure;

/// <summary>
/// The runtime's pauses for garbage collection in this process (the silo's and the API's), from its own events: from the
/// threads' suspension to their restart. A request caught in a pause waits for all of it.
/// </summary>
internal sealed class GcPauses : EventListener
{
    private const string RuntimeEvents = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GarbageCollection = (EventKeywords)0x1;

    private readonly List<double> _pauses = [];
    private DateTime? _suspended;

    /// <summary>The pauses since the last call, in one line, and a fresh start.</summary>
    public string TakeSummary()
    {
        lock (_pauses)
        {
            var sorted = _pauses.Order().ToArray();
            _pauses.Clear();
            return sorted.Length == 0
                ? "no pause"
                : string.Create(CultureInfo.InvariantCulture,
                    $"{sorted.Length} pauses, {sorted.Sum():F0} ms in all, median {sorted[sorted.Length / 2]:F1} ms, longest {sorted[^1]:F1} ms");
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeEvents)
        {
            EnableEvents(eventSource, EventLevel.Informational, GarbageCollection);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        switch (eventData.EventName)
        {
            case "GCSuspendEEBegin_V1":
                _suspended = eventData.TimeStamp;
                break;
            case "GCRestartEEEnd_V1" when _suspended is { } suspended:
                lock (_pauses)
                {
                    _pauses.Add((eventData.TimeStamp - suspended).TotalMilliseconds);
                }

                _suspended = null;
                break;
        }
    }
}
