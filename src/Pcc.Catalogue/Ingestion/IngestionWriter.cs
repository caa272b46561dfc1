using Azure;
using Azure.Data.Tables;
using Pcc.Briefings.Comparison;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Catalogue.Storage;
using Pcc.Platform.Storage;

namespace Pcc.Catalogue.Ingestion;

/// <summary>
/// Applies an ingest report to the tables. Every row's key comes from the report (its fixed timestamp, slug and
/// case-study keys), and every write is an upsert or a delete that tolerates absence, so applying a report twice
/// leaves the same rows as applying it once. Change rows go first: the catalogue never shows a state whose changes
/// were not recorded. A case study another document speaks for (<see cref="SourcePrecedence"/>) only gains this
/// briefing as a source: what this briefing says of it is recorded in the report, not as a change.
/// </summary>
public sealed class IngestionWriter(PccStore store)
{
    /// <summary>The catalogue as it is now, by case-study key: what <see cref="ApplyAsync"/> merges into.</summary>
    public async Task<Dictionary<string, CaseStudyEntity>> ReadCatalogueAsync(CancellationToken cancellationToken)
    {
        var catalogue = new Dictionary<string, CaseStudyEntity>(StringComparer.Ordinal);
        await foreach (var entity in store.CaseStudies.QueryAsync<CaseStudyEntity>(cancellationToken: cancellationToken))
        {
            catalogue[entity.RowKey] = entity;
        }

        return catalogue;
    }

    /// <summary>
    /// Removes the change and history rows a report's apply may have written, and nothing else: for a plan that was
    /// abandoned half-applied after a newer version of its briefing was published, so its changes never reach a digest.
    /// </summary>
    public async Task RollBackChangesAsync(IngestionReport report, CancellationToken cancellationToken)
    {
        foreach (var e in ChangeEvents(report))
        {
            await store.Changes.DeleteEntityAsync(ChangeEntity.PartitionFor(report.IngestedAt), ChangeEntity.RowKeyFor(report.IngestedAt, report.Slug, e.CaseStudy.Key), ETag.All, cancellationToken);
            await store.CaseStudyHistory.DeleteEntityAsync(e.CaseStudy.Key, CaseStudyHistoryEntity.RowKeyFor(report.IngestedAt, report.Slug), ETag.All, cancellationToken);
        }
    }

    /// <summary>
    /// Applies a successfully read report to <paramref name="catalogue"/>, the <c>CaseStudies</c> rows as read under
    /// the catalogue lock, and keeps it what the table holds: on return it has every row written and none deleted.
    /// </summary>
    public async Task ApplyAsync(IngestionReport report, Dictionary<string, CaseStudyEntity> catalogue, CancellationToken cancellationToken)
    {
        // Three steps, each a set of writes that do not depend on one another, sent together: the change feed and each
        // history row (one partition per case study); then the catalogue, the briefing's case-study list and the version;
        // last the briefing row, which makes the version current.
        var events = ChangeEvents(report).Where(e => Recorded(report, catalogue, e)).ToList();
        await Task.WhenAll([
            UpsertInBatchesAsync(store.Changes, events.Select(e => ToChange(report, e)), cancellationToken),
            .. events.Select(e => store.CaseStudyHistory.UpsertEntityAsync(Checked(ToHistory(report, e)), TableUpdateMode.Replace, cancellationToken)),
        ]);

        await Task.WhenAll(
            UpdateCatalogueAsync(report, catalogue, cancellationToken),
            WriteCaseStudyListAsync(report, cancellationToken),
            store.BriefingVersions.UpsertEntityAsync(ToVersion(report), TableUpdateMode.Replace, cancellationToken));
        await store.Briefings.UpsertEntityAsync(new BriefingEntity
        {
            PartitionKey = BriefingEntity.Partition,
            RowKey = report.Slug,
            BlobName = report.BlobName,
            Title = report.Title ?? "",
            CurrentVersion = report.Version,
            CurrentEtag = report.Etag,
            Format = report.Format ?? "",
            CaseStudies = report.Counts.CaseStudies,
            UpdatedAt = report.IngestedAt,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    private async Task WriteCaseStudyListAsync(IngestionReport report, CancellationToken cancellationToken)
    {
        await UpsertInBatchesAsync(store.BriefingCaseStudies, report.CaseStudies.Select(c => Fill(new BriefingCaseStudyEntity { PartitionKey = report.Slug, RowKey = c.Key }, c)), cancellationToken);
        await Task.WhenAll(report.Removed.Select(removed => store.BriefingCaseStudies.DeleteEntityAsync(report.Slug, removed.Key, ETag.All, cancellationToken)));
    }

    private async Task UpdateCatalogueAsync(IngestionReport report, Dictionary<string, CaseStudyEntity> catalogue, CancellationToken cancellationToken)
    {
        var changedKeys = report.New.Select(n => n.Key).Concat(report.Changed.Select(c => c.After.Key)).ToHashSet(StringComparer.Ordinal);

        // Only rows whose content differs are written, one transaction per theme: a version that edits one case study
        // of twenty writes one catalogue row, not twenty (and applying a report again writes none).
        var writes = new List<CaseStudyEntity>();
        foreach (var caseStudy in report.CaseStudies)
        {
            catalogue.TryGetValue(caseStudy.Key, out var existing);
            if (existing is not null && !SourcePrecedence.Speaks(existing, caseStudy.Number, report.Slug))
            {
                var sources = JoinSources(SplitSources(existing.Sources).Append(report.Slug));
                if (sources != existing.Sources)
                {
                    existing.Sources = sources;
                    writes.Add(existing);
                }

                continue;
            }

            if (existing is not null && existing.PartitionKey != caseStudy.ThemeSlug)
            {
                await store.CaseStudies.DeleteEntityAsync(existing.PartitionKey, existing.RowKey, ETag.All, cancellationToken);
            }

            var changed = changedKeys.Contains(caseStudy.Key);
            var entity = Fill(new CaseStudyEntity { PartitionKey = caseStudy.ThemeSlug, RowKey = caseStudy.Key }, caseStudy);
            entity.Briefing = changed || existing is null ? report.Slug : existing.Briefing;
            entity.Sources = JoinSources(SplitSources(existing?.Sources).Append(report.Slug));
            entity.FirstSeen = existing?.FirstSeen ?? report.IngestedAt;
            entity.LastChanged = changed || existing is null ? report.IngestedAt : existing.LastChanged;
            if (existing is null || !SameRow(existing, entity))
            {
                writes.Add(entity);
            }
        }

        // A transaction may touch a row once: should a key come twice, its last write stands, as it did written one by one.
        var lastWrites = writes.GroupBy(w => (w.PartitionKey, w.RowKey)).Select(g => g.Last()).ToList();
        await UpsertInBatchesAsync(store.CaseStudies, lastWrites, cancellationToken);
        foreach (var written in lastWrites)
        {
            catalogue[written.RowKey] = written;
        }

        await DropSourceAsync(report.Slug, report.Removed.Select(r => r.Key), report.IngestedAt, catalogue, cancellationToken);
    }

    /// <summary>
    /// Takes the briefing <paramref name="slug"/> away as a source of the case studies <paramref name="keys"/>: one it
    /// alone had leaves the catalogue; one another briefing also has stays, in that briefing's words when
    /// <paramref name="slug"/> spoke for it (changed at <paramref name="at"/>). A key already dropped is left as it is.
    /// <paramref name="catalogue"/> is kept what the table holds, as in <see cref="ApplyAsync"/>.
    /// </summary>
    public async Task DropSourceAsync(string slug, IEnumerable<string> keys, DateTimeOffset at, Dictionary<string, CaseStudyEntity> catalogue, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            if (!catalogue.TryGetValue(key, out var existing) || !SplitSources(existing.Sources).Contains(slug))
            {
                continue;
            }

            var sources = SplitSources(existing.Sources).Where(s => s != slug).ToList();
            var successor = existing.Briefing == slug && sources.Count > 0 ? await SuccessorAsync(existing.RowKey, sources, cancellationToken) : null;
            if (sources.Count == 0 || successor is not null)
            {
                await store.CaseStudies.DeleteEntityAsync(existing.PartitionKey, existing.RowKey, ETag.All, cancellationToken);
                catalogue.Remove(key);
            }

            if (successor is not null)
            {
                // Its briefing dropped it; another source speaks for it from now on, in its own words.
                var entity = Fill(new CaseStudyEntity { PartitionKey = successor.ThemeSlug, RowKey = existing.RowKey }, successor);
                (entity.Briefing, entity.Sources, entity.FirstSeen, entity.LastChanged) = (successor.PartitionKey, JoinSources(sources), existing.FirstSeen, at);
                await store.CaseStudies.UpsertEntityAsync(Checked(entity), TableUpdateMode.Replace, cancellationToken);
                catalogue[key] = entity;
            }
            else if (sources.Count > 0)
            {
                existing.Sources = JoinSources(sources);
                await store.CaseStudies.UpsertEntityAsync(existing, TableUpdateMode.Replace, cancellationToken);
            }
        }
    }

    private async Task<BriefingCaseStudyEntity?> SuccessorAsync(string key, IEnumerable<string> sources, CancellationToken cancellationToken)
    {
        var reports = new List<BriefingCaseStudyEntity>();
        foreach (var source in sources)
        {
            if ((await store.BriefingCaseStudies.GetEntityIfExistsAsync<BriefingCaseStudyEntity>(source, key, cancellationToken: cancellationToken)).ValueOrDefault() is { } row)
            {
                reports.Add(row);
            }
        }

        return SourcePrecedence.Successor(reports);
    }

    // What reaches the change feed and histories: a new or changed case study this briefing speaks for, and the removal
    // of one it spoke for (another source may speak for it from then on). Applied again, a removal finds the entry gone
    // or handed on: its row, written the first time, stays.
    private static bool Recorded(IngestionReport report, IReadOnlyDictionary<string, CaseStudyEntity> catalogue, (string Kind, ReportCaseStudy CaseStudy, ReportChange? Change) e)
    {
        catalogue.TryGetValue(e.CaseStudy.Key, out var current);
        return e.Kind == "removed"
            ? current is null || current.Briefing == report.Slug
            : SourcePrecedence.Speaks(current, e.CaseStudy.Number, report.Slug);
    }

    private static async Task UpsertInBatchesAsync<T>(TableClient table, IEnumerable<T> entities, CancellationToken cancellationToken)
        where T : class, ITableEntity =>
        await TableBatch.SubmitPartitionsConcurrentlyAsync(table, entities.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Checked(e))), cancellationToken);

    /// <summary>Document text reaches these rows: a value over the service's limits fails here, naming the property.</summary>
    private static T Checked<T>(T entity)
        where T : ITableEntity
    {
        EntityLimits.Validate(entity);
        return entity;
    }

    private static IEnumerable<(string Kind, ReportCaseStudy CaseStudy, ReportChange? Change)> ChangeEvents(IngestionReport report) =>
        report.New.Select(n => ("new", n, (ReportChange?)null))
            .Concat(report.Changed.Select(c => ("changed", c.After, (ReportChange?)c)))
            .Concat(report.Removed.Select(r => ("removed", r, (ReportChange?)null)));

    private static ChangeEntity ToChange(IngestionReport report, (string Kind, ReportCaseStudy CaseStudy, ReportChange? Change) e)
    {
        var entity = Fill(new ChangeEntity
        {
            PartitionKey = ChangeEntity.PartitionFor(report.IngestedAt),
            RowKey = ChangeEntity.RowKeyFor(report.IngestedAt, report.Slug, e.CaseStudy.Key),
        }, report, e);
        entity.PreviousText = e.Change?.Before.Text;
        entity.AlsoIn = e.CaseStudy.AlsoIn;
        entity.DeploymentCheck = report.DeploymentCheck;
        entity.TraceParent = System.Diagnostics.Activity.Current is { IdFormat: System.Diagnostics.ActivityIdFormat.W3C } traced ? traced.Id : null;
        return entity;
    }

    private static CaseStudyHistoryEntity ToHistory(IngestionReport report, (string Kind, ReportCaseStudy CaseStudy, ReportChange? Change) e) =>
        Fill(new CaseStudyHistoryEntity
        {
            PartitionKey = e.CaseStudy.Key,
            RowKey = CaseStudyHistoryEntity.RowKeyFor(report.IngestedAt, report.Slug),
        }, report, e);

    private static BriefingVersionEntity ToVersion(IngestionReport report) => new()
    {
        PartitionKey = report.Slug,
        RowKey = BriefingVersionEntity.RowKeyFor(report.Version),
        Version = report.Version,
        BlobName = report.BlobName,
        Etag = report.Etag,
        IngestedAt = report.IngestedAt,
        Format = report.Format ?? "",
        Title = report.Title ?? "",
        CaseStudies = report.Counts.CaseStudies,
        Themes = report.Counts.Themes,
        New = report.Counts.New,
        Changed = report.Counts.Changed,
        Removed = report.Counts.Removed,
        Unchanged = report.Counts.Unchanged,
        Editorial = report.Counts.Editorial,
        ChangeNote = report.ChangeNote,
        EditorialOnly = report.EditorialOnly,
        DeploymentCheck = report.DeploymentCheck,
        Report = IngestionPaths.Report(report.Slug, report.IngestedAt, report.Etag),
    };

    private static T Fill<T>(T entity, IngestionReport report, (string Kind, ReportCaseStudy CaseStudy, ReportChange? Change) e)
        where T : CaseStudyEventRecord
    {
        Fill(entity, e.CaseStudy);
        entity.Kind = e.Kind;
        entity.Briefing = report.Slug;
        entity.Version = report.Version;
        entity.IngestedAt = report.IngestedAt;
        entity.Diff = Stored(e.Change?.Diff);
        entity.Grade = CaseStudyEventRecord.GradeName(e.Change?.Grade ?? ChangeGrade.Substantive);
        entity.Note = report.ChangeNote;
        return entity;
    }

    private static T Fill<T>(T entity, CaseStudyRecord c)
        where T : CaseStudyRecord =>
        Fill(entity, new ReportCaseStudy(c.Key, c.Number, c.ThemeSlug, c.Theme, c.Title, c.Text, c.Location));

    private static T Fill<T>(T entity, ReportCaseStudy c)
        where T : CaseStudyRecord
    {
        entity.Key = c.Key;
        entity.Number = c.Number;
        entity.ThemeSlug = c.ThemeSlug;
        entity.Theme = c.Theme;
        entity.Title = c.Title;
        entity.Text = Clip(c.Text)!;
        entity.Location = c.Location;
        return entity;
    }

    // A string property holds at most 32K UTF-16 characters; case studies are far shorter, but a pathological
    // document must not make the whole ingest fail. The full text stays in the report blob.
    private static string? Clip(string? text) => text is { Length: > 30_000 } ? text[..30_000] + " …" : text;

    // The same limit for a diff: a very long one keeps only a few words around each change, and one with too many
    // changes even for that is left out of the row (pages and digests then compare the texts; the report keeps it whole).
    private static string? Stored(TextDiff? diff) => diff?.ToJson(30_000);

    // Every stored property of a catalogue row, so an unchanged row is not written again.
    private static bool SameRow(CaseStudyEntity a, CaseStudyEntity b) =>
        (a.PartitionKey, a.RowKey, a.Key, a.Number, a.ThemeSlug, a.Theme, a.Title, a.Text, a.Location, a.Briefing, a.Sources, a.FirstSeen, a.LastChanged) ==
        (b.PartitionKey, b.RowKey, b.Key, b.Number, b.ThemeSlug, b.Theme, b.Title, b.Text, b.Location, b.Briefing, b.Sources, b.FirstSeen, b.LastChanged);

    /// <summary>The briefings a catalogue row's <see cref="CaseStudyEntity.Sources"/> names.</summary>
    internal static IEnumerable<string> SplitSources(string? sources) =>
        (sources ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string JoinSources(IEnumerable<string> sources) => string.Join(',', sources.Distinct().Order(StringComparer.Ordinal));
}
