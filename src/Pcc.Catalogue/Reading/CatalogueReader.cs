using Azure;
using Azure.Data.Tables;
using Pcc.Briefings.Themes;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Reading.Models;
using Pcc.Catalogue.Related;
using Pcc.Catalogue.Storage;

namespace Pcc.Catalogue.Reading;

/// <summary>The catalogue's read side: each query reads one partition or one small table.</summary>
public sealed class CatalogueReader(PccStore store, ThemeTaxonomy taxonomy, RelatedCaseStudies related)
{
    /// <summary>Every listed theme, with its number of current case studies.</summary>
    public async Task<IReadOnlyList<ThemeView>> ThemesAsync(CancellationToken cancellationToken)
    {
        await store.EnsureCreatedAsync(cancellationToken);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in store.CaseStudies.QueryAsync<CaseStudyEntity>(select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            counts[row.PartitionKey] = counts.GetValueOrDefault(row.PartitionKey) + 1;
        }

        return taxonomy.Themes.Where(t => t.Listed)
            .Select(t => new ThemeView(t.Slug, t.Name, t.Aliases, counts.GetValueOrDefault(t.Slug)))
            .ToList();
    }

    /// <summary>Every briefing with its current version.</summary>
    public async Task<IReadOnlyList<BriefingSummary>> BriefingsAsync(CancellationToken cancellationToken)
    {
        await store.EnsureCreatedAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {BriefingEntity.Partition}");
        var list = new List<BriefingSummary>();
        await foreach (var b in store.Briefings.QueryAsync<BriefingEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(new BriefingSummary(b.RowKey, b.Title, b.BlobName, b.CurrentVersion, b.Format, b.CaseStudies, b.UpdatedAt));
        }

        return list;
    }

    /// <summary>
    /// One briefing with its versions, and its failed and held uploads (for an <paramref name="editor"/>; counted only
    /// for anyone else); null when no version of it was ever ingested or attempted.
    /// </summary>
    public async Task<BriefingView?> BriefingAsync(string slug, bool editor, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsAppKey(slug))
        {
            // Not a key the app writes (too long, or characters a table key cannot hold): there is no such briefing.
            return null;
        }

        await store.EnsureCreatedAsync(cancellationToken);
        var briefing = (await store.Briefings.GetEntityIfExistsAsync<BriefingEntity>(BriefingEntity.Partition, slug, cancellationToken: cancellationToken)).ValueOrDefault();
        var inPartition = TableClient.CreateQueryFilter($"PartitionKey eq {slug}");

        var rows = new List<BriefingVersionEntity>();
        await foreach (var v in store.BriefingVersions.QueryAsync<BriefingVersionEntity>(inPartition, cancellationToken: cancellationToken))
        {
            rows.Add(v);
        }

        var titles = await BriefingTitles.ReadAsync(store, cancellationToken);
        var changes = await Task.WhenAll(rows.Select(v => VersionChangesAsync(slug, v.IngestedAt, titles, cancellationToken)));
        var versions = rows.Select((v, i) => new BriefingVersionView(v.Version, v.Etag, v.IngestedAt, v.Format, v.Title, v.CaseStudies, v.Themes, v.New, v.Changed, v.Removed, v.Unchanged, v.Report,
            v.Editorial, v.ChangeNote, v.EditorialOnly, changes[i])).ToList();

        var failures = new List<IngestAttemptView>();
        var held = new List<HeldVersionView>();
        var current = briefing?.CurrentVersion ?? 0;
        var notApplied = TableClient.CreateQueryFilter(
            $"PartitionKey eq {slug} and (Status eq {IngestStatus.Failed} or Status eq {IngestStatus.Abandoned} or Status eq {IngestStatus.Held})");
        string? blobName = null;
        await foreach (var f in store.Ingestions.QueryAsync<IngestionEntity>(notApplied, cancellationToken: cancellationToken))
        {
            blobName ??= f.BlobName;
            if (f.Status == IngestStatus.Held)
            {
                held.Add(new HeldVersionView(f.Version, f.RowKey, f.IngestedAt, f.Error ?? "", f.Report, f.BaseVersion != current,
                    $"/api/briefings/{slug}/versions/{f.Version}/confirm"));
            }
            else
            {
                failures.Add(new IngestAttemptView(f.RowKey, f.IngestedAt, f.Error ?? "", f.Report));
            }
        }

        if (briefing is null && blobName is null)
        {
            return null;
        }

        return new BriefingView(slug, briefing?.Title ?? "", briefing?.BlobName ?? blobName!, current, versions, failures.Count, held.Count,
            editor ? failures.OrderByDescending(f => f.At).ToList() : null,
            editor ? held.OrderByDescending(h => h.At).ToList() : null);
    }

    /// <summary>Current case studies, of one theme or all, in theme and number order.</summary>
    public async Task<IReadOnlyList<CaseStudyView>> CaseStudiesAsync(string? themeSlug, CancellationToken cancellationToken)
    {
        var titles = await BriefingTitles.ReadAsync(store, cancellationToken);
        var filter = themeSlug is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {themeSlug}");
        var list = new List<CaseStudyView>();
        await foreach (var c in store.CaseStudies.QueryAsync<CaseStudyEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(ToView(c, titles));
        }

        // Themes in the briefing's order (case studies are numbered through it, so a theme's lowest number places it), then the taxonomy's.
        var order = taxonomy.Themes.Select((t, i) => (t.Slug, i)).ToDictionary(x => x.Slug, x => x.i);
        var briefingOrder = list.GroupBy(c => c.ThemeSlug).ToDictionary(g => g.Key, g => g.Min(c => c.Number ?? int.MaxValue));
        return list.OrderBy(c => briefingOrder[c.ThemeSlug]).ThenBy(c => order.GetValueOrDefault(c.ThemeSlug, int.MaxValue))
            .ThenBy(c => c.Number ?? int.MaxValue).ThenBy(c => c.Key).ToList();
    }

    /// <summary>A case study with its history and, while it is current, its related case studies; null when the key was never seen.</summary>
    public async Task<CaseStudyDetail?> CaseStudyAsync(string key, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsAppKey(key))
        {
            return null;
        }

        await store.EnsureCreatedAsync(cancellationToken);
        var history = new List<CaseStudyHistoryEntity>();
        await foreach (var h in store.CaseStudyHistory.QueryAsync<CaseStudyHistoryEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {key}"), cancellationToken: cancellationToken))
        {
            history.Add(h);
        }

        if (history.Count == 0)
        {
            return null;
        }

        var titles = await BriefingTitles.ReadAsync(store, cancellationToken);
        CaseStudyView? current = null;
        foreach (var theme in history.Select(h => h.ThemeSlug).Distinct())
        {
            var row = (await store.CaseStudies.GetEntityIfExistsAsync<CaseStudyEntity>(theme, key, cancellationToken: cancellationToken)).ValueOrDefault();
            if (row is not null)
            {
                current = ToView(row, titles);
                break;
            }
        }

        var views = history.Select(h => new CaseStudyHistoryView(h.Kind, h.Briefing, h.Version, h.IngestedAt, h.Number, h.ThemeSlug, h.Title, h.Text, h.ReadDiff(), titles.Of(h.Briefing), h.ReadGrade(), h.Note)).ToList();
        var similar = current is null ? [] : await related.ReadAsync(key, cancellationToken);
        return new CaseStudyDetail(key, current, current is null, views)
        {
            Related = [.. similar.Select(r => new RelatedCaseStudyView(r.Key, r.Title, titles.Name(r.Briefing), r.SharedTerms))],
        };
    }

    /// <summary>
    /// One page of the changes recorded in [<paramref name="since"/>, <paramref name="until"/>), oldest first: one
    /// request of a range query over the day partitions, bounded by the RowKeys (which start with the ingest time) at
    /// both ends, of at most <paramref name="limit"/> rows, from where <paramref name="continuation"/> left off;
    /// null when the continuation is not one this reader gave.
    /// </summary>
    /// <remarks>The continuation is the table service's own (the next partition and row key): opaque to callers, and
    /// whatever it says, the window's filter still bounds the rows.</remarks>
    public async Task<ChangesPage?> ChangesAsync(DateTimeOffset since, DateTimeOffset until, int limit, string? continuation, CancellationToken cancellationToken)
    {
        if (continuation == "")
        {
            return null;
        }

        var titles = await BriefingTitles.ReadAsync(store, cancellationToken);
        var query = store.Changes.QueryAsync<ChangeEntity>(ChangeEntity.WindowFilter(since, until), maxPerPage: limit, cancellationToken: cancellationToken);
        try
        {
            await foreach (var page in query.AsPages(continuation, limit))
            {
                var list = page.Values.Select(c => ToView(c, titles)).ToList();
                return new ChangesPage(list, string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
            }
        }
        catch (RequestFailedException ex) when (continuation is not null && ex.Status == 400)
        {
            // A continuation no page of ours gave: the service refuses its keys.
            return null;
        }

        return new ChangesPage([], null);
    }

    // One version's change records: one range of one day partition, as their keys start with the ingest time and slug.
    private async Task<IReadOnlyList<ChangeView>> VersionChangesAsync(string slug, DateTimeOffset ingestedAt, BriefingTitles titles, CancellationToken cancellationToken)
    {
        var prefix = $"{ChangeEntity.RowKeyPrefix(ingestedAt)}-{slug}-";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ChangeEntity.PartitionFor(ingestedAt)} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "."}");
        var list = new List<ChangeView>();
        await foreach (var c in store.Changes.QueryAsync<ChangeEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(ToView(c, titles));
        }

        return list;
    }

    /// <summary>The titles of the briefings, to name them in what this reader's callers show.</summary>
    public Task<BriefingTitles> BriefingTitlesAsync(CancellationToken cancellationToken) => BriefingTitles.ReadAsync(store, cancellationToken);

    internal static ChangeView ToView(ChangeEntity c, BriefingTitles titles) =>
        new(c.Kind, c.Key, c.Number, c.ThemeSlug, c.Theme, c.Title, c.Text, c.ReadDiff(), c.PreviousText, c.Briefing, c.Version, c.IngestedAt, c.AlsoIn,
            titles.Of(c.Briefing), c.AlsoIn is null ? null : titles.Of(c.AlsoIn), c.ReadGrade(), c.Note);

    internal static CaseStudyView ToView(CaseStudyEntity c, BriefingTitles titles)
    {
        var sources = c.Sources.Split(',', StringSplitOptions.RemoveEmptyEntries);
        return new(c.Key, c.Number, c.ThemeSlug, c.Theme, c.Title, c.Text, c.Location, c.Briefing, sources, c.FirstSeen, c.LastChanged,
            titles.Of(c.Briefing), [.. sources.Where(s => s != c.Briefing).Select(titles.Name)]);
    }
}
