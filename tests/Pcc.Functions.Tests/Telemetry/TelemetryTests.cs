using System.Text.RegularExpressions;
using Pcc.Functions.Tests.Telemetry.Otlp;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Telemetry;

/// <summary>
/// The worker's OpenTelemetry through the real host and an in-test OTLP receiver: an ingest's storage calls are
/// dependency spans of one trace, the digest run that sends its changes links to that trace, a digest batch sent from
/// the queue continues the trace of the run that queued it,
/// the app's metrics and logs arrive, and no address or link token is in anything exported.
/// </summary>
public sealed partial class TelemetryTests(TelemetryApp app) : IClassFixture<TelemetryApp>
{
    [Fact]
    public async Task AnUploadAndItsDigestAreTracedAndNoAddressOrTokenIsExported()
    {
        var address = MailDevFixture.UniqueAddress("traced");
        await app.SubscribeAndConfirmAsync(address, ["violence-and-exploitation"]);
        await app.IngestAsync(AppFixture.UniqueBriefingName(), SeedBriefing.Bytes, version: 1);
        await app.RunAsync("SendDailyDigests");
        var digest = Assert.Single(await app.WaitForDigestsAsync(address, 1));

        var spans = await Eventually.Async(() => Task.FromResult(app.Collector.Spans), s => s.Any(IsBatchSend), "the batch send's span");

        // The ingest: the blob download and the table writes are dependency spans of one trace.
        Assert.Contains(spans.Where(s => Scope(s) == "download").Select(s => s.TraceId), trace => spans.Any(s => s.TraceId == trace && Scope(s) == "tables"));

        // The queue hop: the batch's send is in the trace of the run that queued it, linked to the invocation that took it.
        var send = spans.First(IsBatchSend);
        Assert.Contains(spans, s => s.TraceId == send.TraceId && s.Name.Contains("SendMessage", StringComparison.Ordinal));
        Assert.NotEmpty(send.Links);
        Assert.Equal(1, send.Attributes.Single(a => a.Key == "digest.sent").Value.IntValue);

        // And back to the upload: the run's plan links to the trace of the ingest that recorded its changes.
        var ingests = spans.Where(s => Scope(s) == "download").Select(s => s.TraceId).ToHashSet();
        Assert.Contains(spans, s => s.TraceId == send.TraceId && s.Name == "PlanDigestWindow" && s.Links.Any(link => ingests.Contains(link.TraceId)));

        await Eventually.Async(() => Task.FromResult(string.Join(",", app.Collector.Signals.Order())), s => s == "logs,metrics,traces", "traces, metrics and logs");
        await Eventually.Async(() => Task.FromResult(app.Collector.AnyExportHolds("pcc.digest.recipients") && app.Collector.AnyExportHolds("pcc.ingests")), held => held, "the app's metrics");

        var tokens = Token().Matches(digest.Text + digest.Header("List-Unsubscribe")).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(tokens);
        Assert.False(app.Collector.AnyExportHolds(address), "the subscriber's address was exported");
        Assert.All(tokens, token => Assert.False(app.Collector.AnyExportHolds(token), "a link token was exported"));
    }

    [Theory]
    [InlineData("ClientId=5a1c0f1e-0000-4000-8000-000000000001;Authorization=AAD", "5a1c0f1e-0000-4000-8000-000000000001")]
    [InlineData("Authorization=AAD; clientid = abc", "abc")]
    [InlineData("Authorization=AAD", null)]
    [InlineData(null, null)]
    public void TheExporterSignsInAsTheIdentityTheAuthenticationStringNames(string? authentication, string? clientId) =>
        Assert.Equal(clientId, Pcc.Functions.Telemetry.TelemetryServiceCollectionExtensions.AuthenticationClientId(authentication));

    private static bool IsBatchSend(Span span) => span.Name == "SendDigestBatch";

    // What an Azure SDK span is about, by its name ("BlobClient.DownloadContent", "TableClient.SubmitTransaction").
    private static string Scope(Span span) =>
        span.Name.StartsWith("BlobClient.Download", StringComparison.Ordinal) || span.Name.StartsWith("BlobBaseClient.Download", StringComparison.Ordinal) ? "download"
        : span.Name.StartsWith("TableClient.", StringComparison.Ordinal) ? "tables"
        : "";

    [GeneratedRegex(@"token=([A-Za-z0-9_-]{16,})")]
    private static partial Regex Token();
}
