using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Pcc.Notifications.Digests.Ledger;

namespace Pcc.Catalogue.Storage;

/// <summary>The app's tables and containers, created on first use.</summary>
public sealed class PccStore
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TableServiceClient _tableService;
    private readonly BlobServiceClient _blobService;
    private readonly string _tablePrefix;
    private bool _created;

    /// <summary>Creates the clients for an account; nothing is sent until <see cref="EnsureCreatedAsync"/>.</summary>
    public PccStore(TableServiceClient tables, BlobServiceClient blobs, IOptions<StorageOptions> options)
    {
        var o = options.Value;
        _tableService = tables;
        _blobService = blobs;
        _tablePrefix = o.TablePrefix;
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

    /// <summary>
    /// Creates every table and container once per process. The account's tables and containers are listed first and
    /// only the missing ones created: on every start after an account's first, two listings instead of a create per
    /// table and container (each existing container's create is a 409 the SDK throws and catches).
    /// </summary>
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
                var existingTables = ExistingTablesAsync(cancellationToken);
                var existingContainers = ExistingContainersAsync(cancellationToken);
                var (tableNames, containerNames) = (await existingTables, await existingContainers);
                // Still "if not exists": another instance may create one between the listing and here.
                await Task.WhenAll(
                    tables.Where(t => !tableNames.Contains(t.Name)).Select(t => t.CreateIfNotExistsAsync(cancellationToken))
                        .Concat<Task>(containers.Where(c => !containerNames.Contains(c.Name)).Select(c => c.CreateIfNotExistsAsync(cancellationToken: cancellationToken))));
                _created = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    // The tables whose names start with the prefix ('~' sorts after every character a table name may hold).
    private async Task<HashSet<string>> ExistingTablesAsync(CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var filter = TableServiceClient.CreateQueryFilter($"TableName ge {_tablePrefix} and TableName lt {_tablePrefix + "~"}");
        await foreach (var table in _tableService.QueryAsync(filter, cancellationToken: cancellationToken))
        {
            names.Add(table.Name);
        }

        return names;
    }

    private async Task<HashSet<string>> ExistingContainersAsync(CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var container in _blobService.GetBlobContainersAsync(cancellationToken: cancellationToken))
        {
            names.Add(container.Name);
        }

        return names;
    }
}
