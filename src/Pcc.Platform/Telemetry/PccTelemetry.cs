using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pcc.Platform.Telemetry;

/// <summary>
/// The app's own spans and metrics, named <see cref="Name"/> (the worker exports them with OpenTelemetry). Tags carry
/// outcomes, frequencies and counts only: never an address, a link token or a document's text.
/// </summary>
public static class PccTelemetry
{
    /// <summary>The activity source and meter name.</summary>
    public const string Name = "Pcc";

    /// <summary>The app's spans: a digest batch sent from a queue message continues the trace of the run that queued it.</summary>
    public static ActivitySource Source { get; } = new(Name);

    private static readonly Meter s_meter = new(Name);

    /// <summary><c>pcc.ingests</c>: ingests by <c>outcome</c> (ingested, held, failed, duplicate, missing, exhausted).</summary>
    public static Counter<long> Ingests { get; } = s_meter.CreateCounter<long>("pcc.ingests", "{ingest}", "Briefing versions ingested, by outcome.");

    /// <summary><c>pcc.digest.recipients</c>: digest recipients by <c>outcome</c> (sent, deferred, failed, suppressed).</summary>
    public static Counter<long> DigestRecipients { get; } = s_meter.CreateCounter<long>("pcc.digest.recipients", "{recipient}", "Digest recipients of sent batches, by outcome.");

    /// <summary><c>pcc.digest.batch.duration</c>: how long one batch took to send and record.</summary>
    public static Histogram<double> DigestBatchDuration { get; } = s_meter.CreateHistogram<double>("pcc.digest.batch.duration", "s", "Time to send and record one digest batch.");

    /// <summary><c>pcc.poison</c>: messages or blobs given up on, by <c>function</c>, on their way to the poison queue.</summary>
    public static Counter<long> Poison { get; } = s_meter.CreateCounter<long>("pcc.poison", "{message}", "Work given up on and left to the poison queue.");

    /// <summary>A tag list of one <c>outcome</c>.</summary>
    public static KeyValuePair<string, object?> Outcome(string outcome) => new("outcome", outcome);
}
