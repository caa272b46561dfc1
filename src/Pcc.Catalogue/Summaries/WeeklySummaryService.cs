using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Pcc.Catalogue.Digests;
using Pcc.Catalogue.Storage;
using Pcc.Notifications.Digests;
using Pcc.Notifications.Digests.Weekly;
using Pcc.Notifications.Email;
using Pcc.Notifications.Email.Html;
using Pcc.Notifications.Subscriptions;

namespace Pcc.Catalogue.Summaries;

/// <summary>
/// Builds a week's <see cref="WeeklySummary"/> from the catalogue, stores it as <c>{week}.json</c> and
/// <c>{week}.html</c> in the summaries container, and emails it to the editors' list once per week.
/// </summary>
/// <remarks>
/// The blobs are rewritten on every run (the same week gives the same summary, or a fuller one if an ingest was late).
/// The email is claimed with a create-only marker blob <c>{week}.emailed</c> before it is handed to the transport, so
/// a re-run, or two runs at once, never email the editors twice; if the transport accepts it for nobody, the marker
/// is removed and the run fails, so the next run tries again.
/// </remarks>
public sealed class WeeklySummaryService(
    PccStore store,
    CatalogueDigestSource changes,
    IEmailTransport transport,
    EmailHtmlRenderer html,
    IOptions<EmailOptions> email,
    IOptions<EditorsOptions> editors,
    IOptions<DigestOptions> digests,
    ILogger<WeeklySummaryService> logger)
{
    /// <summary>The ISO week that ended last before <paramref name="now"/> (UK time).</summary>
    public static (int Year, int Week) WeekBefore(DateTimeOffset now)
    {
        var (year, week) = WeeklySummary.WeekOf(now);
        var (start, _) = WeeklySummary.PeriodOf(year, week);
        return WeeklySummary.WeekOf(start.AddTicks(-1));
    }

    /// <summary>Builds, stores and (once) emails the summary of the week; returns it with whether this run emailed it.</summary>
    public async Task<(WeeklySummary Summary, int Emailed)> RunAsync(int year, int week, CancellationToken cancellationToken)
    {
        var summary = await BuildAsync(year, week, cancellationToken);
        await StoreAsync(summary, cancellationToken);
        var emailed = await EmailOnceAsync(summary, cancellationToken);
        return (summary, emailed);
    }

    /// <summary>A stored summary's JSON or HTML; null when the week has none.</summary>
    public async Task<BinaryData?> ReadAsync(string week, bool html, CancellationToken cancellationToken)
    {
        await store.EnsureCreatedAsync(cancellationToken);
        try
        {
            return (await store.Summaries.GetBlobClient(week + (html ? ".html" : ".json")).DownloadContentAsync(cancellationToken)).Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The summary of the week as the catalogue stands now: what <see cref="RunAsync"/> stores and emails, and the page of the week in progress.</summary>
    public async Task<WeeklySummary> BuildAsync(int year, int week, CancellationToken cancellationToken)
    {
        await store.EnsureCreatedAsync(cancellationToken);
        var (start, end) = WeeklySummary.PeriodOf(year, week);

        // BriefingVersions is keyed by briefing; a week's versions across briefings is a filter over the small table.
        var filter = TableClient.CreateQueryFilter($"IngestedAt ge {start} and IngestedAt lt {end}");
        var briefings = new List<WeeklyBriefing>();
        await foreach (var v in store.BriefingVersions.QueryAsync<BriefingVersionEntity>(filter, cancellationToken: cancellationToken))
        {
            if (v.DeploymentCheck)
            {
                continue;
            }

            briefings.Add(new WeeklyBriefing(v.PartitionKey, v.Title, v.Version, v.IngestedAt, v.CaseStudies));
        }

        var weekChanges = new List<DigestChange>();
        await foreach (var change in changes.ReadChangesAsync(start, end, cancellationToken))
        {
            weekChanges.Add(change);
        }

        return WeeklySummary.Build(year, week, briefings, weekChanges, digests.Value);
    }

    private async Task StoreAsync(WeeklySummary summary, CancellationToken cancellationToken)
    {
        await UploadAsync(store.Summaries.GetBlobClient(summary.Id + ".json"), WeeklySummaryRenderer.ToJson(summary), "application/json; charset=utf-8", cancellationToken);
        await UploadAsync(store.Summaries.GetBlobClient(summary.Id + ".html"), await WeeklySummaryRenderer.ToHtmlAsync(summary, html, cancellationToken), "text/html; charset=utf-8", cancellationToken);
    }

    private async Task<int> EmailOnceAsync(WeeklySummary summary, CancellationToken cancellationToken)
    {
        var to = editors.Value.GetAddresses();
        if (to.Count == 0)
        {
            logger.LogInformation("Weekly summary {Week} stored; Notifications:Editors lists nobody, so it was not emailed.", summary.Id);
            return 0;
        }

        var marker = store.Summaries.GetBlobClient(summary.Id + ".emailed");
        try
        {
            await marker.UploadAsync(BinaryData.FromString(string.Join(';', to)), overwrite: false, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            logger.LogInformation("Weekly summary {Week} was emailed to the editors already.", summary.Id);
            return 0;
        }

        var batch = await WeeklySummaryRenderer.CreateBatchAsync(summary, to, email.Value.From, html, cancellationToken);
        var results = await transport.SendAsync(batch, cancellationToken);
        var accepted = results.Count(r => r.Status == DeliveryStatus.Accepted);
        if (accepted == 0)
        {
            await marker.DeleteIfExistsAsync(cancellationToken: cancellationToken);
            throw new InvalidOperationException($"The weekly summary {summary.Id} could not be emailed: {string.Join("; ", results.Select(r => $"{r.To}: {r.Status} {r.Detail}"))}");
        }

        return accepted;
    }

    private static Task UploadAsync(BlobClient blob, string content, string contentType, CancellationToken cancellationToken) =>
        blob.UploadAsync(BinaryData.FromString(content), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);
}
