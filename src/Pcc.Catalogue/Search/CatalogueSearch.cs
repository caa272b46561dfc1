using System.Collections.Concurrent;
using Azure.Data.Tables;
using Pcc.Catalogue.Reading;
using Pcc.Catalogue.Reading.Models;
using Pcc.Catalogue.Storage;

namespace Pcc.Catalogue.Search;

/// <summary>
/// Search over the catalogue in Table storage, through a <see cref="SearchIndex"/> each worker instance keeps in memory
/// and brings up to date before it answers.
/// </summary>
/// <remarks>
/// <para>Every search first reads the small <c>Briefings</c> partition (one row per briefing, which an ingest rewrites
/// after every case-study row it writes) and compares each row's ETag with the one the index was last brought up to.
/// The same read gives the briefings' titles the re-read case studies are named with: a briefing whose title changed
/// has a new ETag, so the case studies that name it are re-read too.
/// For each briefing whose row is new, changed or gone it re-reads only that briefing's case studies: the keys and
/// themes in its <c>BriefingCaseStudies</c> partition, then the <c>CaseStudies</c> rows of the case studies it has now
/// or had before (one query per theme and 14 keys), and replaces, adds or removes their documents in the index. Nothing
/// else is read or re-indexed; searches wait only while that runs.</para>
/// <para>Cold start: the index lives in the process only, and nothing builds it ahead. The first search an instance
/// answers (after a start, a scale-out or a recycle) reads the whole <c>CaseStudies</c> table and indexes every case
/// study before it answers (about 3 s at 10,000 case studies, see <c>bench/results.md</c>); searches arriving meanwhile
/// wait for it. From then on only changed briefings are read.</para>
/// </remarks>
public sealed class CatalogueSearch(PccStore store, CatalogueReader reader, Synonyms synonyms) : IDisposable
{
    // A Table query filter may hold at most 15 comparisons: the partition's and 14 row keys.
    private const int KeysPerQuery = 14;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private State? _state;
    private int _fullLoads, _briefingsRead;

    /// <summary>How many times the whole catalogue was read and indexed (once per instance, on its first search).</summary>
    public int FullLoads => _fullLoads;

    /// <summary>How many times one changed briefing's case studies were re-read into the index.</summary>
    public int BriefingsRead => _briefingsRead;

    /// <summary>Searches the current catalogue.</summary>
    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken) =>
        query.IsEmpty ? new SearchResults(query, 0, []) : (await IndexAsync(cancellationToken)).Search(query);

    /// <summary>The index of the current catalogue, brought up to date with the briefings ingested since it was last.</summary>
    public async Task<SearchIndex> IndexAsync(CancellationToken cancellationToken)
    {
        var (etags, titles) = await BriefingEtagsAsync(cancellationToken);
        if (_state is { } current && current.IsAt(etags))
        {
            return current.Index;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_state is not { } state)
            {
                // The ETags were read before the rows: a briefing ingested meanwhile is read again on the next search.
                var index = new SearchIndex(await reader.CaseStudiesAsync(null, cancellationToken), synonyms);
                _state = new State(index, etags, Members(index, etags.Keys));
                Interlocked.Increment(ref _fullLoads);
                return index;
            }

            if (!state.IsAt(etags))
            {
                _state = await UpdateAsync(state, etags, titles, cancellationToken);
            }

            return state.Index;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _state?.Index.Dispose();
        _gate.Dispose();
    }

    private async Task<State> UpdateAsync(State state, Dictionary<string, string> etags, BriefingTitles titles, CancellationToken cancellationToken)
    {
        var changed = etags.Where(e => state.Etags.GetValueOrDefault(e.Key) != e.Value).Select(e => e.Key)
            .Concat(state.Etags.Keys.Where(b => !etags.ContainsKey(b))).ToList();

        // Each case study a changed briefing had or has, with the theme (its CaseStudies partition) it is under now.
        var themes = new Dictionary<string, string>(StringComparer.Ordinal);
        var members = new Dictionary<string, HashSet<string>>(state.Members, StringComparer.Ordinal);
        foreach (var briefing in changed)
        {
            foreach (var key in state.Members.GetValueOrDefault(briefing) ?? [])
            {
                if (state.Index.Find(key) is { } indexed)
                {
                    themes.TryAdd(key, indexed.ThemeSlug);
                }
            }

            members.Remove(briefing);
            if (etags.ContainsKey(briefing))
            {
                // Only the keys and themes: the text is read from the catalogue rows, which another briefing may have set.
                var keys = new HashSet<string>(StringComparer.Ordinal);
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {briefing}");
                await foreach (var row in store.BriefingCaseStudies.QueryAsync<BriefingCaseStudyEntity>(filter, select: ["RowKey", "ThemeSlug"], cancellationToken: cancellationToken))
                {
                    keys.Add(row.RowKey);
                    themes[row.RowKey] = row.ThemeSlug;
                }

                members[briefing] = keys;
            }

            Interlocked.Increment(ref _briefingsRead);
        }

        var found = new ConcurrentBag<CaseStudyView>();
        var queries = themes.GroupBy(t => t.Value, t => t.Key).SelectMany(theme => theme.Chunk(KeysPerQuery).Select(keys =>
            TableClient.CreateQueryFilter($"PartitionKey eq {theme.Key}") + " and (" + string.Join(" or ", keys.Select(k => TableClient.CreateQueryFilter($"RowKey eq {k}"))) + ")"));
        await Parallel.ForEachAsync(queries, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (filter, token) =>
        {
            await foreach (var row in store.CaseStudies.QueryAsync<CaseStudyEntity>(filter, cancellationToken: token))
            {
                found.Add(CatalogueReader.ToView(row, titles));
            }
        });

        var kept = found.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        state.Index.Update(found, themes.Keys.Where(k => !kept.Contains(k)));
        return new State(state.Index, etags, members);
    }

    private async Task<(Dictionary<string, string> Etags, BriefingTitles Titles)> BriefingEtagsAsync(CancellationToken cancellationToken)
    {
        await store.EnsureCreatedAsync(cancellationToken);
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {BriefingEntity.Partition}");
        await foreach (var row in store.Briefings.QueryAsync<BriefingEntity>(filter, select: ["RowKey", "Title"], cancellationToken: cancellationToken))
        {
            etags[row.RowKey] = row.ETag.ToString();
            titles[row.RowKey] = row.Title;
        }

        return (etags, new BriefingTitles(titles));
    }

    // Which case studies each briefing has, as the catalogue rows list their sources.
    private static Dictionary<string, HashSet<string>> Members(SearchIndex index, IEnumerable<string> briefings)
    {
        var members = briefings.ToDictionary(b => b, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var caseStudy in index.All())
        {
            foreach (var source in caseStudy.Sources)
            {
                if (!members.TryGetValue(source, out var keys))
                {
                    members[source] = keys = new HashSet<string>(StringComparer.Ordinal);
                }

                keys.Add(caseStudy.Key);
            }
        }

        return members;
    }

    private sealed record State(SearchIndex Index, Dictionary<string, string> Etags, Dictionary<string, HashSet<string>> Members)
    {
        public bool IsAt(Dictionary<string, string> etags) =>
            etags.Count == Etags.Count && etags.All(e => Etags.GetValueOrDefault(e.Key) == e.Value);
    }
}
