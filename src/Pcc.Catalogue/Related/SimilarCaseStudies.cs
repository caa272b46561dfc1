using System.Text;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Pcc.Catalogue.Search;
using Pcc.Catalogue.Storage;

namespace Pcc.Catalogue.Related;

/// <summary>
/// Each case study's nearest neighbours in the catalogue by what they say. Lucene's MoreLikeThis takes a case study's
/// most distinctive terms (TF-IDF over the whole catalogue, its title and text read by <see cref="SearchAnalyzer"/>, so
/// the terms are search's stems) and ranks the other case studies by how much of them they contain; the terms each
/// of those shares with it are named as words, most distinctive first.
/// </summary>
/// <remarks>
/// One entry per key, the catalogue's identity: a case study several documents report is one row, so it is listed at
/// most once and never beside itself. The index is built in key order and ties are broken by key, so the same
/// catalogue always gives the same lists.
/// </remarks>
public static class SimilarCaseStudies
{
    /// <summary>The most related case studies listed for one.</summary>
    public const int MaxRelated = 5;

    /// <summary>The most shared words named for each.</summary>
    public const int MaxSharedTerms = 3;

    /// <summary>The most distinctive terms of a case study that its neighbours are looked for by.</summary>
    public const int MaxQueryTerms = 25;

    /// <summary>
    /// A term in more than this share of the case studies says little about any (PCCs, police) and is not looked for,
    /// once the catalogue has enough case studies for the share to mean something.
    /// </summary>
    public const int MaxDocFreqPercent = 40;

    private const int MinCatalogueForDocFreqLimit = 10;
    private const string KeyField = "key", TitleField = "title", BodyField = "text";

    private static readonly FieldType s_analyzed = new(TextField.TYPE_NOT_STORED) { StoreTermVectors = true };
    private static readonly Sort s_ranked = new(SortField.FIELD_SCORE, new SortField(KeyField, SortFieldType.STRING));

    // Words that relate nothing: Snowball's English stop list (longer than the one search skips: "which", "have",
    // "during"), and a few that every case study may say; as the analyzer stems them, since the terms are stems.
    private static readonly Lazy<HashSet<string>> s_noise = new(() =>
    {
        using var list = IOUtils.GetDecodingReader(typeof(SnowballFilter), "english_stop.txt", Encoding.UTF8);
        var words = WordlistLoader.GetSnowballWordSet(list, SearchAnalyzer.Version).Select(w => w.ToString()!)
            .Concat(["also", "can", "may", "said", "per", "cent", "one", "two", "three", "new", "first", "since", "well", "made", "make", "many", "much", "number", "within", "across", "like", "including"]);
        return words.SelectMany(w => SearchAnalyzer.Instance.Read(w)).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
    });

    static SimilarCaseStudies() => s_analyzed.Freeze();

    /// <summary>
    /// The related case studies of every case study in <paramref name="catalogue"/> (the <c>CaseStudies</c> rows), by
    /// key; at most <see cref="MaxRelated"/> each, best first, none for one that shares no distinctive term with another.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<RelatedCaseStudy>> Find(IEnumerable<CaseStudyEntity> catalogue)
    {
        var entries = catalogue.GroupBy(c => c.RowKey, StringComparer.Ordinal)
            .Select(g => g.OrderBy(c => c.PartitionKey, StringComparer.Ordinal).First())
            .OrderBy(c => c.RowKey, StringComparer.Ordinal)
            .Select(c => new Entry(c))
            .ToList();
        if (entries.Count < 2)
        {
            return entries.ToDictionary(e => e.Row.RowKey, _ => (IReadOnlyList<RelatedCaseStudy>)[], StringComparer.Ordinal);
        }

        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzer.Version, SearchAnalyzer.Instance) { OpenMode = OpenMode.CREATE }))
        {
            foreach (var entry in entries)
            {
                writer.AddDocument(Document(entry.Row));
            }
        }

        using var index = DirectoryReader.Open(directory);
        var reader = new OneTermsEnumPerField(SlowCompositeReaderWrapper.Wrap(index));
        var searcher = new IndexSearcher(reader);
        var likeThis = new MoreLikeThis(reader)
        {
            Analyzer = SearchAnalyzer.Instance,
            FieldNames = [TitleField, BodyField],
            MinTermFreq = 1,
            MinDocFreq = 2,
            MinWordLen = 3,
            MaxQueryTerms = MaxQueryTerms,
            ApplyBoost = true,
            // Figures ("2021", "39") relate nothing either.
            StopWords = entries.SelectMany(e => e.Surfaces.Keys).Where(t => !t.Any(char.IsLetter)).Concat(s_noise.Value).ToHashSet(StringComparer.Ordinal),
        };
        if (entries.Count >= MinCatalogueForDocFreqLimit)
        {
            likeThis.SetMaxDocFreqPct(MaxDocFreqPercent);
        }

        var byKey = entries.ToDictionary(e => e.Row.RowKey, StringComparer.Ordinal);
        var related = new Dictionary<string, IReadOnlyList<RelatedCaseStudy>>(StringComparer.Ordinal);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            var self = byKey[reader.Document(doc).Get(KeyField)];
            var query = likeThis.Like(doc);
            var weights = Weights(query);
            var list = new List<RelatedCaseStudy>();
            if (weights.Count > 0)
            {
                foreach (var hit in searcher.Search(query, null, MaxRelated + 1, s_ranked).ScoreDocs)
                {
                    var other = byKey[reader.Document(hit.Doc).Get(KeyField)];
                    if (other == self || list.Count == MaxRelated)
                    {
                        continue;
                    }

                    var shared = weights.Where(w => other.Surfaces.ContainsKey(w.Term)).Take(MaxSharedTerms).Select(w => self.Word(w.Term)).ToList();
                    list.Add(new RelatedCaseStudy(other.Row.RowKey, other.Row.Title, other.Row.Briefing, shared));
                }
            }

            related[self.Row.RowKey] = list;
        }

        return related;
    }

    // The query's terms, most distinctive first (MoreLikeThis boosts each by its TF-IDF weight), ties by term.
    private static List<(string Term, float Weight)> Weights(Query query) =>
        query is BooleanQuery terms
            ? [.. terms.Clauses.Select(c => c.Query).OfType<TermQuery>()
                .GroupBy(t => t.Term.Text, StringComparer.Ordinal)
                .Select(g => (Term: g.Key, Weight: g.Max(t => t.Boost)))
                .OrderByDescending(t => t.Weight).ThenBy(t => t.Term, StringComparer.Ordinal)]
            : [];

    private static Document Document(CaseStudyEntity row) =>
    [
        new StringField(KeyField, row.RowKey, Field.Store.YES),
        new SortedDocValuesField(KeyField, new BytesRef(row.RowKey)),
        new Field(TitleField, row.Title, s_analyzed),
        new Field(BodyField, row.Text, s_analyzed),
    ];

    // MoreLikeThis (for each term's document frequency) and every TermQuery (to find its postings) look a term up in a
    // new terms enumerator each time, about 6 KB apiece: most of a recompute's time and garbage. Each of them seeks
    // before it reads, one lookup at a time on this thread, so one enumerator per field serves them all.
    private sealed class OneTermsEnumPerField(AtomicReader segment) : FilterAtomicReader(segment)
    {
        private SharedFields? _fields;

        public override Fields Fields => _fields ??= new SharedFields(base.Fields);

        private sealed class SharedFields(Fields fields) : FilterFields(fields)
        {
            private readonly Dictionary<string, Terms?> _terms = new(StringComparer.Ordinal);

            public override Terms GetTerms(string field)
            {
                if (!_terms.TryGetValue(field, out var terms))
                {
                    _terms[field] = terms = base.GetTerms(field) is { } inner ? new SharedTerms(inner) : null;
                }

                return terms!;
            }
        }

        private sealed class SharedTerms(Terms terms) : FilterTerms(terms)
        {
            private TermsEnum? _enumerator;

            public override TermsEnum GetEnumerator() => _enumerator ??= base.GetEnumerator();

            public override TermsEnum GetEnumerator(TermsEnum reuse) => GetEnumerator();
        }
    }

    // A case study with its terms, each with the words of its text that the term was read from.
    private sealed class Entry(CaseStudyEntity row)
    {
        public CaseStudyEntity Row { get; } = row;

        public Dictionary<string, List<string>> Surfaces { get; } = Read(row.Title + "\n" + row.Text);

        /// <summary>
        /// The word to show for <paramref name="term"/>: its commonest spelling here, in lower case unless the text
        /// only ever capitalises it (a place, an acronym).
        /// </summary>
        public string Word(string term)
        {
            var words = Surfaces[term];
            var common = words.GroupBy(w => w.ToLowerInvariant(), StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => words.IndexOf(g.First())).First();
            return common.Any(w => w == common.Key) ? common.Key : common.GroupBy(w => w, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First().Key;
        }

        private static Dictionary<string, List<string>> Read(string text)
        {
            var surfaces = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var term in SearchAnalyzer.Instance.Read(text))
            {
                if (!surfaces.TryGetValue(term.Term, out var words))
                {
                    surfaces[term.Term] = words = [];
                }

                // The possessive filter drops "'s" from the term but not from the word's span.
                var word = text[term.Start..term.End];
                words.Add(word.Length > 2 && word[^1] is 's' or 'S' && word[^2] is '\'' or '\u2019' ? word[..^2] : word);
            }

            return surfaces;
        }
    }
}
