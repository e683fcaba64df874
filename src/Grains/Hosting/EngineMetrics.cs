using System.Diagnostics.Metrics;

namespace HccOrleans.Grains.Hosting;

/// <summary>
/// The engine's instruments on the <see cref="EngineTelemetry.MeterName"/> meter: what a center's operator counts
/// (transitions by action and outcome, refusals by rule, escalations by kind) and how late escalations are recorded.
/// Tags are low-cardinality words only: never a dossier code or a person.
/// </summary>
public sealed class EngineMetrics
{
    private readonly Counter<long> _transitions;
    private readonly Counter<long> _rejections;
    private readonly Counter<long> _escalations;
    private readonly Histogram<double> _lateness;

    public EngineMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(EngineTelemetry.MeterName);
        _transitions = meter.CreateCounter<long>("hcc.dossier.transitions", "{transition}",
            "Dossier actions asked for, by action and outcome (done or refused).");
        _rejections = meter.CreateCounter<long>("hcc.dossier.rejections", "{rejection}",
            "Refused dossier actions, by action and the rule that refused them.");
        _escalations = meter.CreateCounter<long>("hcc.escalations", "{escalation}",
            "Escalations recorded (due soon, step overdue, overdue), by kind.");
        _lateness = meter.CreateHistogram<double>("hcc.escalation.lateness", "s",
            "How long after its due instant an escalation was recorded.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600, 86_400] });
    }

    public void Done(DossierAction action) =>
        _transitions.Add(1, new KeyValuePair<string, object?>("action", EnumWords.Of(action)), new KeyValuePair<string, object?>("outcome", "done"));

    public void Refused(DossierAction action, Rejection rejection)
    {
        var word = new KeyValuePair<string, object?>("action", EnumWords.Of(action));
        _transitions.Add(1, word, new KeyValuePair<string, object?>("outcome", "refused"));
        _rejections.Add(1, word, new KeyValuePair<string, object?>("rule", rejection.Rule));
    }

    public void Escalated(EscalationKind kind, TimeSpan lateness)
    {
        _escalations.Add(1, new KeyValuePair<string, object?>("kind", EnumWords.Of(kind)));
        _lateness.Record(Math.Max(0, lateness.TotalSeconds), new KeyValuePair<string, object?>("kind", EnumWords.Of(kind)));
    }
}
