using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Ingestion.Attempts;
using Pcc.Catalogue.Reading;
using Pcc.Catalogue.Storage;
using Pcc.Notifications.Digests;
using Pcc.Notifications.Subscriptions;

namespace Pcc.Catalogue.Digests;

/// <summary>
/// The digest engine's view of the app's data: change rows from the <c>Changes</c> table and the active subscribers
/// of a frequency, with their signed links.
/// </summary>
/// <remarks>
/// An ingest stamps its change rows with the time it started and writes them a moment later, so a window is read
/// only once no ingest that started inside it is still running: otherwise its changes would appear after the window
/// was sent and never be sent at all. Reading waits up to <c>Digests:WaitForIngests</c> (default 2 minutes, real time)
/// and then fails, so the run is tried again rather than sent without them; the log says what it waits for. An ingest
/// whose process died does not hold windows up for ever: once it counts as abandoned
/// (<see cref="IngestionOptions.AbandonAfter"/>) it is settled (see <see cref="AbandonedIngests"/>) and the window proceeds.
/// </remarks>
public sealed class CatalogueDigestSource(
    PccStore store, SubscriberStore subscribers, SubscriptionLinks links, AbandonedIngests abandoned,
    IConfiguration configuration, ILogger<CatalogueDigestSource> logger) : IDigestSource
{
    private readonly TimeSpan _waitForIngests = configuration.GetValue("Digests:WaitForIngests", TimeSpan.FromMinutes(2));

    /// <inheritdoc />
    /// <remarks>
    /// One range query over the day partitions, bounded by the RowKeys (which start with the ingest ticks), as
    /// <c>CatalogueReader.ChangesAsync</c> reads them; then the briefings' titles, in one query, as the pages read them.
    /// </remarks>
    public async IAsyncEnumerable<DigestChange> ReadChangesAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await store.EnsureCreatedAsync(cancellationToken);
        await WaitForIngestsAsync(to, cancellationToken);
        var rows = new List<ChangeEntity>();
        await foreach (var row in store.Changes.QueryAsync<ChangeEntity>(ChangeEntity.WindowFilter(from, to), cancellationToken: cancellationToken))
        {
            // A deployment check's briefing is shown while the check runs, but is nobody's news.
            if (!row.DeploymentCheck)
            {
                rows.Add(row);
            }
        }

        var titles = rows.Count == 0 ? BriefingTitles.None : await BriefingTitles.ReadAsync(store, cancellationToken);
        foreach (var row in rows)
        {
            yield return ToChange(row, titles.Of(row.Briefing));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<DigestRecipient> ListSubscribersAsync(DigestFrequency frequency, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var subscriber in subscribers.ListActiveAsync(frequency, cancellationToken))
        {
            var manage = await links.ManageUrlAsync(subscriber, cancellationToken);
            var unsubscribe = await links.UnsubscribeUrlAsync(subscriber, cancellationToken);
            yield return new DigestRecipient(subscriber.Id, subscriber.Address, subscriber.Themes, frequency, manage.AbsoluteUri, unsubscribe.AbsoluteUri, subscriber.IncludeMinorCorrections)
            {
                Briefings = subscriber.Briefings,
                CaseStudies = subscriber.CaseStudies,
            };
        }
    }

    private async Task WaitForIngestsAsync(DateTimeOffset to, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        IngestionEntity? logged = null;
        while (true)
        {
            var running = await FirstRunningIngestAsync(to, cancellationToken);
            if (running is null)
            {
                return;
            }

            if (abandoned.IsAbandoned(running))
            {
                await abandoned.SettleAsync(running, _waitForIngests, cancellationToken);
                continue;
            }

            var waits = $"The digest window ending {to:O} waits for the ingest of {running.BlobName} (version {running.Version} of '{running.PartitionKey}', " +
                $"attempt {running.Attempts}) that started at {running.IngestedAt:O}; it counts as abandoned at {abandoned.AbandonedAt(running):O}.";
            if (logged?.RowKey != running.RowKey)
            {
                logger.LogWarning("{Waits}", waits);
                logged = running;
            }

            if (Stopwatch.GetElapsedTime(started) >= _waitForIngests)
            {
                throw new InvalidOperationException($"The ingest of {running.BlobName} that started at {running.IngestedAt:O} is still running. {waits}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }

    private async Task<IngestionEntity?> FirstRunningIngestAsync(DateTimeOffset to, CancellationToken cancellationToken)
    {
        // Only reserved receipts (version > 0) carry a timestamp rows will be written with; one still waiting for the
        // catalogue lock will take a time after this window.
        var filter = TableClient.CreateQueryFilter($"Status eq {IngestStatus.Pending} and Version gt {0} and IngestedAt lt {to}");
        await foreach (var pending in store.Ingestions.QueryAsync<IngestionEntity>(filter, cancellationToken: cancellationToken))
        {
            return pending;
        }

        return null;
    }

    private static DigestChange ToChange(ChangeEntity row, string briefingTitle) => new(
        row.Kind switch
        {
            "new" => DigestChangeKind.New,
            "removed" => DigestChangeKind.Removed,
            _ => DigestChangeKind.Changed,
        },
        row.Key,
        row.Number?.ToString(CultureInfo.InvariantCulture),
        row.ThemeSlug,
        row.Theme,
        row.Title,
        row.Text,
        row.ReadDiff()?.Pieces,
        row.PreviousText,
        row.Briefing,
        briefingTitle,
        row.Version,
        row.IngestedAt,
        row.ReadGrade(),
        row.Note,
        row.TraceParent);
}
