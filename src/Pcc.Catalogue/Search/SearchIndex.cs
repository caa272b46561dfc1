using System.Collections.Concurrent;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Pcc.Catalogue.Reading.Models;

namespace Pcc.Catalogue.Search;

/// <summary>
/// The catalogue held in memory for search: a Lucene index (in a <see cref="RAMDirectory"/>) of every case study's
/// title and text, read by <see cref="SearchAnalyzer"/> and scored with BM25.
/// </summary>
/// <remarks>
/// <para>The ranking rule: case studies that match every query word (a word matches itself, its other endings, longer
/// words it starts, and what its synonym group names) come first, then those that match only some of them; within
/// each, by BM25 score, with a match in the title worth <see cref="TitleBoost"/> times one in the text and the query's
/// words found together as typed adding a <see cref="PhraseBoost"/>; equal scores newest first. A query without words
/// (only a theme or a date) lists its case studies newest first.</para>
/// <para><see cref="Update"/> replaces some case studies' documents and makes them searchable before it returns; searches
/// running meanwhile see the index before or after it, never a part.</para>
/// </remarks>
public sealed class SearchIndex : IDisposable
{
    /// <summary>How much more a match in the title counts than one in the text.</summary>
    public const float TitleBoost = 3f;

    /// <summary>How much the query's words found together, as typed, add.</summary>
    public const float PhraseBoost = 2f;

    /// <summary>What a word that only starts with a typed word counts (a fixed score: it has no term statistics of its own).</summary>
    public const float PrefixBoost = 0.3f;

    private const string KeyField = "key", ThemeField = "theme", ChangedField = "changed", TitleField = "title", TextField = "text";

    private static readonly BM25Similarity s_similarity = new PartialMatches();
    private static readonly Sort s_ranked = new(SortField.FIELD_SCORE, new SortField(ChangedField, SortFieldType.INT64, true), new SortField(KeyField, SortFieldType.STRING));
    private static readonly Sort s_newest = new(new SortField(ChangedField, SortFieldType.INT64, true), new SortField(KeyField, SortFieldType.STRING));

    private readonly Synonyms _synonyms;
    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly ConcurrentDictionary<string, CaseStudyView> _caseStudies = new(StringComparer.Ordinal);
    private readonly System.Threading.Lock _writing = new();
    private long _indexed;

    /// <summary>Indexes <paramref name="caseStudies"/> (title and text), expanding queries with <paramref name="synonyms"/> (none when null).</summary>
    public SearchIndex(IEnumerable<CaseStudyView> caseStudies, Synonyms? synonyms = null)
    {
        _synonyms = synonyms ?? Synonyms.None;
        _writer = new IndexWriter(_directory, new IndexWriterConfig(SearchAnalyzer.Version, SearchAnalyzer.Instance)
        {
            Similarity = s_similarity,
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 64,
        });
        _searchers = new SearcherManager(_writer, true, new Bm25Searchers());
        Update(caseStudies, []);
    }

    /// <summary>How many case studies the index holds.</summary>
    public int Count => _caseStudies.Count;

    /// <summary>How many case-study documents were written since the index was made (for tests and the benchmark).</summary>
    public long Indexed => Interlocked.Read(ref _indexed);

    /// <summary>The indexed case study with <paramref name="key"/>, or null.</summary>
    public CaseStudyView? Find(string key) => _caseStudies.GetValueOrDefault(key);

    /// <summary>Every indexed case study.</summary>
    public IEnumerable<CaseStudyView> All() => _caseStudies.Values;

    /// <summary>
    /// Replaces the documents of <paramref name="caseStudies"/> (adding those that are new) and removes those of
    /// <paramref name="removed"/>; searchable when it returns.
    /// </summary>
    public void Update(IEnumerable<CaseStudyView> caseStudies, IEnumerable<string> removed)
    {
        lock (_writing)
        {
            foreach (var caseStudy in caseStudies)
            {
                _caseStudies[caseStudy.Key] = caseStudy;
                _writer.UpdateDocument(new Term(KeyField, caseStudy.Key), Document(caseStudy));
                _indexed++;
            }

            var gone = removed.ToList();
            foreach (var key in gone)
            {
                _writer.DeleteDocuments(new Term(KeyField, key));
            }

            _searchers.MaybeRefreshBlocking();
            foreach (var key in gone)
            {
                _caseStudies.TryRemove(key, out _);
            }
        }
    }

    /// <summary>
    /// Case studies that match the query's words, in the theme and changed on or after the date when given, ranked as
    /// the remarks say; the total, and the first <paramref name="limit"/> with their matches marked.
    /// </summary>
    public SearchResults Search(SearchQuery query, int limit = 50)
    {
        if (query.IsEmpty)
        {
            return new SearchResults(query, 0, []);
        }

        var terms = SearchTerms.Of(query.Text is { Length: > SearchQuery.MaxLength } text ? text[..SearchQuery.MaxLength] : query.Text, _synonyms);
        var filter = Filter(query);
        var searcher = _searchers.Acquire();
        try
        {
            if (terms.IsEmpty)
            {
                // Only filters, or only words search skips ("the"): the filters' case studies, newest first.
                return query.Words.Count > 0
                    ? new SearchResults(query, 0, [])
                    : Results(query, terms, searcher, [searcher.Search(new MatchAllDocsQuery(), filter, limit, s_newest)], limit);
            }

            // Two searches rather than one scored query: a case study matching every word must rank above one matching
            // some, whatever their BM25 scores, and no boost keeps to that for every query.
            var all = AllWords(terms);
            var full = searcher.Search(all, filter, limit, s_ranked, true, false);
            if (terms.Concepts is [{ Typed.Count: 1 }])
            {
                return Results(query, terms, searcher, [full], limit);
            }

            var partial = new BooleanQuery(true) { { AnyWord(terms), Occur.MUST }, { all, Occur.MUST_NOT } };
            return Results(query, terms, searcher, [full, searcher.Search(partial, filter, Math.Max(1, limit - full.ScoreDocs.Length), s_ranked, true, false)], limit);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }

    private SearchResults Results(SearchQuery query, SearchTerms terms, IndexSearcher searcher, IEnumerable<TopDocs> tiers, int limit)
    {
        var total = 0;
        var hits = new List<SearchHit>();
        foreach (var tier in tiers)
        {
            total += tier.TotalHits;
            foreach (var scored in tier.ScoreDocs)
            {
                // A case study removed while this search ran is in the searcher's view of the index but no longer here.
                if (hits.Count < limit && _caseStudies.TryGetValue(searcher.Doc(scored.Doc).Get(KeyField), out var caseStudy))
                {
                    hits.Add(new SearchHit(caseStudy, Highlighter.Runs(caseStudy.Title, terms), Highlighter.Runs(caseStudy.Text, terms, 320)));
                }
            }
        }

        return new SearchResults(query, total, hits);
    }

    private static Document Document(CaseStudyView caseStudy) =>
    [
        new StringField(KeyField, caseStudy.Key, Field.Store.YES),
        new SortedDocValuesField(KeyField, new BytesRef(caseStudy.Key)),
        new StringField(ThemeField, caseStudy.ThemeSlug, Field.Store.NO),
        new Int64Field(ChangedField, caseStudy.LastChanged.UtcTicks, Field.Store.NO),
        new NumericDocValuesField(ChangedField, caseStudy.LastChanged.UtcTicks),
        new TextField(TitleField, caseStudy.Title, Field.Store.NO),
        new TextField(TextField, caseStudy.Text, Field.Store.NO),
    ];

    private static Filter? Filter(SearchQuery query)
    {
        var filters = new BooleanQuery(true);
        if (query.Theme is not null)
        {
            filters.Add(new TermQuery(new Term(ThemeField, query.Theme)), Occur.MUST);
        }

        if (query.ChangedSince is { } day)
        {
            var since = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).UtcTicks;
            filters.Add(NumericRangeQuery.NewInt64Range(ChangedField, since, null, true, true), Occur.MUST);
        }

        return filters.Clauses.Count == 0 ? null : new QueryWrapperFilter(filters);
    }

    // Every concept matched: each typed word (or, for words a synonym group names, all of them or another entry).
    private static BooleanQuery AllWords(SearchTerms terms)
    {
        var all = new BooleanQuery(true);
        foreach (var concept in terms.Concepts)
        {
            var typed = new BooleanQuery(true);
            foreach (var term in concept.Typed)
            {
                typed.Add(Word(term.Term, concept.Prefix), Occur.MUST);
            }

            var either = new BooleanQuery(true) { { typed, Occur.SHOULD } };
            foreach (var synonym in concept.Synonyms)
            {
                either.Add(Entry(synonym), Occur.SHOULD);
            }

            all.Add(either, Occur.MUST);
        }

        if (terms.Typed.Count > 1)
        {
            all.Add(Phrase(terms.Typed, PhraseBoost), Occur.SHOULD);
        }

        return all;
    }

    // At least one typed word or synonym matched; the score scaled by the share of them matched.
    private static BooleanQuery AnyWord(SearchTerms terms)
    {
        var any = new BooleanQuery(false);
        foreach (var concept in terms.Concepts)
        {
            foreach (var term in concept.Typed)
            {
                any.Add(Word(term.Term, concept.Prefix), Occur.SHOULD);
            }

            foreach (var synonym in concept.Synonyms)
            {
                any.Add(Entry(synonym), Occur.SHOULD);
            }
        }

        return any;
    }

    private static Query Entry(IReadOnlyList<AnalyzedTerm> entry) => entry.Count == 1 ? Word(entry[0].Term, null) : Phrase(entry, 1f);

    private static BooleanQuery Word(string term, string? prefix)
    {
        var word = new BooleanQuery(true)
        {
            { new TermQuery(new Term(TitleField, term)) { Boost = TitleBoost }, Occur.SHOULD },
            { new TermQuery(new Term(TextField, term)), Occur.SHOULD },
        };
        if (prefix is not null)
        {
            word.Add(new PrefixQuery(new Term(TitleField, prefix)) { Boost = PrefixBoost * TitleBoost }, Occur.SHOULD);
            word.Add(new PrefixQuery(new Term(TextField, prefix)) { Boost = PrefixBoost }, Occur.SHOULD);
        }

        return word;
    }

    private static BooleanQuery Phrase(IReadOnlyList<AnalyzedTerm> terms, float boost)
    {
        var phrase = new BooleanQuery(true);
        foreach (var (field, fieldBoost) in new[] { (TitleField, TitleBoost), (TextField, 1f) })
        {
            var query = new PhraseQuery { Boost = boost * fieldBoost };
            foreach (var term in terms)
            {
                // Positions relative to the first term keep the gaps stop words left ("black, asian and minority").
                query.Add(new Term(field, term.Term), term.Position - terms[0].Position);
            }

            phrase.Add(query, Occur.SHOULD);
        }

        return phrase;
    }

    // BM25 without coordination (Lucene's BM25Similarity gives every overlap 1), except where a query asks for it: among
    // case studies matching only some words, those matching more of them score higher (see AnyWord).
    private sealed class PartialMatches : BM25Similarity
    {
        public override float Coord(int overlap, int maxOverlap) => overlap / (float)maxOverlap;
    }

    private sealed class Bm25Searchers : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = s_similarity };
    }
}
