using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Pcc.Notifications.Digests.Ledger;

namespace Pcc.Catalogue.Storage;

/// <summary>The app's tables and containers, created on first use.</summary>
public sealed class PccStore
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _created;

    /// <summary>Creates the clients for an account; nothing is sent until <see cref="EnsureCreatedAsync"/>.</summary>
    public PccStore(TableServiceClient tables, BlobServiceClient blobs, IOptions<StorageOptions> options)
    {
        var o = options.Value;
        TableClient Table(string name) => tables.GetTableClient(o.TablePrefix + name);
        Briefings = Table("Briefings");
        BriefingVersions = Table("BriefingVersions");
        Ingestions = Table("Ingestions");
        BriefingCaseStudies = Table("BriefingCaseStudies");
        CaseStudies = Table("CaseStudies");
        CaseStudyHistory = Table("CaseStudyHistory");
        Changes = Table("Changes");
        RelatedCaseStudies = Table("RelatedCaseStudies");
        Subscribers = Table("Subscribers");
        DigestRuns = Table(DigestLedger.RunsTableName);
        Deliveries = Table(DigestLedger.DeliveriesTableName);
        RateLimits = Table("RateLimits");
        BriefingBlobs = blobs.GetBlobContainerClient(o.BriefingsContainer);
        Reports = blobs.GetBlobContainerClient(o.ReportsContainer);
        Locks = blobs.GetBlobContainerClient(o.LocksContainer);
        Secrets = blobs.GetBlobContainerClient(o.SecretsContainer);
        Summaries = blobs.GetBlobContainerClient(o.SummariesContainer);
        DigestBatches = blobs.GetBlobContainerClient(o.DigestBatchesContainer);
    }

    /// <summary>See <see cref="BriefingEntity"/>.</summary>
    public TableClient Briefings { get; }

    /// <summary>See <see cref="BriefingVersionEntity"/>.</summary>
    public TableClient BriefingVersions { get; }

    /// <summary>See <see cref="IngestionEntity"/>.</summary>
    public TableClient Ingestions { get; }

    /// <summary>See <see cref="BriefingCaseStudyEntity"/>.</summary>
    public TableClient BriefingCaseStudies { get; }

    /// <summary>See <see cref="CaseStudyEntity"/>.</summary>
    public TableClient CaseStudies { get; }

    /// <summary>See <see cref="CaseStudyHistoryEntity"/>.</summary>
    public TableClient CaseStudyHistory { get; }

    /// <summary>See <see cref="ChangeEntity"/>.</summary>
    public TableClient Changes { get; }

    /// <summary>See <see cref="RelatedCaseStudiesEntity"/>.</summary>
    public TableClient RelatedCaseStudies { get; }

    /// <summary>Subscribers and the digest list (see <c>Pcc.Notifications.Subscriptions.SubscriberStore</c>).</summary>
    public TableClient Subscribers { get; }

    /// <summary>The digest ledger's runs (see <see cref="DigestLedger"/>).</summary>
    public TableClient DigestRuns { get; }

    /// <summary>The digest ledger's batches (see <see cref="DigestLedger"/>).</summary>
    public TableClient Deliveries { get; }

    /// <summary>The rate-limit counts of the app's subscriptions API (kept by the Function App, not the catalogue).</summary>
    public TableClient RateLimits { get; }

    /// <summary>Uploaded briefings.</summary>
    public BlobContainerClient BriefingBlobs { get; }

    /// <summary>Ingest reports.</summary>
    public BlobContainerClient Reports { get; }

    /// <summary>Lock blobs.</summary>
    public BlobContainerClient Locks { get; }

    /// <summary>Digest batches: content and recipients of each batch (see <see cref="DigestLedger"/>).</summary>
    public BlobContainerClient DigestBatches { get; }

    /// <summary>Weekly summaries, and the markers that say a week's summary was emailed.</summary>
    public BlobContainerClient Summaries { get; }

    /// <summary>Generated secrets; private, created on first use by whoever keeps a secret there.</summary>
    public BlobContainerClient Secrets { get; }

    /// <summary>Creates every table and container once per process.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        if (_created)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_created)
            {
                TableClient[] tables = [Briefings, BriefingVersions, Ingestions, BriefingCaseStudies, CaseStudies, CaseStudyHistory, Changes, RelatedCaseStudies, Subscribers, DigestRuns, Deliveries, RateLimits];
                BlobContainerClient[] containers = [BriefingBlobs, Reports, Locks, Summaries, DigestBatches];
                await Task.WhenAll(
                    tables.Select(t => t.CreateIfNotExistsAsync(cancellationToken))
                        .Concat<Task>(containers.Select(c => c.CreateIfNotExistsAsync(cancellationToken: cancellationToken))));
                _created = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
