using Pcc.Functions.Catalogue.Models;

namespace Pcc.Functions.Pages.Search;

/// <summary>
/// The catalogue held in memory for search: each case study's title and text folded once, newest first. A query
/// checks every case study (an ordinal substring scan over folded text), which keeps results exact and is fast
/// enough for tens of thousands of case studies (see <c>bench/Pcc.SearchBench</c>).
/// </summary>
public sealed class SearchIndex
{
    private readonly (CaseStudyView CaseStudy, string Folded)[] _entries;

    /// <summary>Folds and orders <paramref name="caseStudies"/>, most recently changed first.</summary>
    public SearchIndex(IEnumerable<CaseStudyView> caseStudies)
    {
        _entries = caseStudies
            .OrderByDescending(c => c.LastChanged).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => (c, FoldedText.Of(c.Title + "\n" + c.Text).Text))
            .ToArray();
    }

    /// <summary>How many case studies the index holds.</summary>
    public int Count => _entries.Length;

    /// <summary>
    /// Case studies of which every query word starts a word of the title or text, in the theme and changed on or
    /// after the date when given; newest first, the first <paramref name="limit"/> with highlights.
    /// </summary>
    public SearchResults Search(SearchQuery query, int limit = 50)
    {
        if (query.IsEmpty)
        {
            return new SearchResults(query, 0, []);
        }

        var since = query.ChangedSince is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null;
        var total = 0;
        var hits = new List<SearchHit>();
        foreach (var (caseStudy, folded) in _entries)
        {
            if ((query.Theme is not null && caseStudy.ThemeSlug != query.Theme)
                || (since is not null && caseStudy.LastChanged < since)
                || !query.Words.All(w => FoldedText.StartsAWord(folded, w)))
            {
                continue;
            }

            total++;
            if (hits.Count < limit)
            {
                hits.Add(new SearchHit(caseStudy, Highlighter.Runs(caseStudy.Title, query.Words), Highlighter.Runs(caseStudy.Text, query.Words, 320)));
            }
        }

        return new SearchResults(query, total, hits);
    }
}
