using System.Numerics;
using Pcc.Catalogue.Reading.Models;

namespace Pcc.Catalogue.Search;

/// <summary>
/// The catalogue held in memory for search: an inverted index from each folded word to the case studies that have it
/// (case studies numbered newest first), so a query word is a range of the sorted vocabulary and a query is a
/// bit-set intersection. Hand-written rather than a search engine library: prefix matching over one small in-memory
/// collection is a sorted array and bit sets, with no analyzers or index files to keep.
/// </summary>
public sealed class SearchIndex
{
    private readonly CaseStudyView[] _caseStudies;
    private readonly string[] _vocabulary;
    private readonly int[][] _postings;
    private readonly int _words;

    /// <summary>Indexes <paramref name="caseStudies"/> (title and text), most recently changed first.</summary>
    public SearchIndex(IEnumerable<CaseStudyView> caseStudies)
    {
        _caseStudies = caseStudies.OrderByDescending(c => c.LastChanged).ThenBy(c => c.Key, StringComparer.Ordinal).ToArray();
        _words = (_caseStudies.Length + 63) / 64;
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < _caseStudies.Length; i++)
        {
            foreach (var word in FoldedText.WordsIn(FoldedText.Of(_caseStudies[i].Title + "\n" + _caseStudies[i].Text).Text))
            {
                if (!postings.TryGetValue(word, out var list))
                {
                    postings[word] = list = [];
                }

                // Case studies are visited in order, so a repeated word only ever repeats the last entry.
                if (list.Count == 0 || list[^1] != i)
                {
                    list.Add(i);
                }
            }
        }

        _vocabulary = postings.Keys.Order(StringComparer.Ordinal).ToArray();
        _postings = _vocabulary.Select(w => postings[w].ToArray()).ToArray();
    }

    /// <summary>How many case studies the index holds.</summary>
    public int Count => _caseStudies.Length;

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

        var matches = new ulong[_words];
        Array.Fill(matches, ulong.MaxValue);
        var term = new ulong[_words];
        foreach (var word in query.Words)
        {
            Array.Clear(term);
            for (var v = LowerBound(word); v < _vocabulary.Length && _vocabulary[v].StartsWith(word, StringComparison.Ordinal); v++)
            {
                foreach (var id in _postings[v])
                {
                    term[id >> 6] |= 1UL << (id & 63);
                }
            }

            for (var w = 0; w < _words; w++)
            {
                matches[w] &= term[w];
            }
        }

        var since = query.ChangedSince is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null;
        var total = 0;
        var hits = new List<SearchHit>();
        for (var w = 0; w < _words; w++)
        {
            for (var bits = matches[w]; bits != 0; bits &= bits - 1)
            {
                var id = (w << 6) + BitOperations.TrailingZeroCount(bits);
                if (id >= _caseStudies.Length)
                {
                    break;
                }

                var caseStudy = _caseStudies[id];
                if ((query.Theme is not null && caseStudy.ThemeSlug != query.Theme) || (since is not null && caseStudy.LastChanged < since))
                {
                    continue;
                }

                total++;
                if (hits.Count < limit)
                {
                    hits.Add(new SearchHit(caseStudy, Highlighter.Runs(caseStudy.Title, query.Words), Highlighter.Runs(caseStudy.Text, query.Words, 320)));
                }
            }
        }

        return new SearchResults(query, total, hits);
    }

    private int LowerBound(string word)
    {
        int lo = 0, hi = _vocabulary.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(_vocabulary[mid], word) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
