namespace Pcc.Notifications.Digests;

/// <summary>Digest settings (configuration section <c>Digests</c>).</summary>
public sealed class DigestOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Digests";

    /// <summary>
    /// Where readers reach the app; case-study links are <c>{PublicBaseUrl}/case-studies/{key}</c>, the case study's page. The local
    /// host's address by default.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";

    /// <summary>Recipients per batch (one queue message, one ledger claim, one provider request), at most 1,000 (SendGrid's personalizations per request).</summary>
    public int MaxRecipientsPerBatch { get; set; } = 1000;

    /// <summary>
    /// How many audiences (distinct follow sets) planning holds a batch open for at once; the least recently joined is
    /// written, however few it holds, to make room. Bounds the planner's memory when many subscribers follow case
    /// studies one by one.
    /// </summary>
    public int MaxOpenAudiences { get; set; } = 4096;

    /// <summary>How many times a deferred delivery is tried, over the window's runs, before it is recorded as failed.</summary>
    public int MaxDeliveryAttempts { get; set; } = 3;

    /// <summary>How long a queued batch with deferred recipients waits before its next attempt.</summary>
    public TimeSpan DeferredRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a claim may stay unconfirmed before it counts as abandoned by a crashed run; only abandoned claims are
    /// re-sent, and only when a run asks for it (<see cref="DigestRunOptions.ResendUnconfirmed"/>). Longer than a batch
    /// can take, SendGrid retries included.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many characters of a new case study's text its summary keeps (cut back to a word boundary).</summary>
    public int SummaryLength { get; set; } = 300;

    /// <summary>Unchanged words shown either side of each change in a diff.</summary>
    public int DiffContextWords { get; set; } = 6;

    /// <summary>Changes shown per case study before the rest are left to the case study's page.</summary>
    public int MaxChangesShown { get; set; } = 12;

    /// <summary>
    /// How many missed windows <see cref="DigestRunner.CatchUpAsync"/> sends, most recent first, after an outage; older
    /// ones are skipped rather than sent late. By default 3 daily, 2 weekly and 36 immediate (three hours) windows.
    /// </summary>
    public int? MaxCatchUpWindows { get; set; }

    /// <summary>The category email is reported under.</summary>
    public string Category { get; set; } = "digest";

    /// <summary>The catch-up limit for one frequency.</summary>
    public int CatchUpLimit(DigestFrequency frequency) => MaxCatchUpWindows ?? frequency switch
    {
        DigestFrequency.Immediate => 36,
        DigestFrequency.Daily => 3,
        _ => 2,
    };

    /// <summary>The public link to a case study.</summary>
    public string CaseStudyUrl(string key) => $"{PublicBaseUrl.TrimEnd('/')}/case-studies/{Uri.EscapeDataString(key)}";
}
