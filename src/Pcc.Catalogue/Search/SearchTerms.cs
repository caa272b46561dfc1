namespace Pcc.Catalogue.Search;

/// <summary>
/// What a query's text asks for, as the index spells it: its words (stems), each with the synonyms its words spell,
/// in the order typed. The index builds its Lucene queries from it and the highlighter marks what it names.
/// </summary>
public sealed class SearchTerms
{
    /// <summary>The most words of a query that are searched; the rest are ignored.</summary>
    public const int MaxWords = 12;

    /// <summary>A typed word shorter than this is not also read as the start of longer words.</summary>
    public const int MinPrefix = 3;

    private SearchTerms(IReadOnlyList<AnalyzedTerm> typed, IReadOnlyList<SearchConcept> concepts)
    {
        Typed = typed;
        Concepts = concepts;
        var entries = concepts.SelectMany(c => c.Synonyms.Prepend(c.Typed)).ToList();
        _words = entries.Where(e => e.Count == 1).Select(e => e[0].Term).ToHashSet(StringComparer.Ordinal);
        _phrases = entries.Where(e => e.Count > 1).Select(e => e.Select(t => t.Term).ToArray()).ToList();
        _words.UnionWith(concepts.SelectMany(c => c.Typed.Select(t => t.Term)));
        _prefixes = concepts.Select(c => c.Prefix).OfType<string>().ToList();
    }

    private readonly HashSet<string> _words;
    private readonly List<string[]> _phrases;
    private readonly List<string> _prefixes;

    /// <summary>The query's terms in order, stop words left out, at most <see cref="MaxWords"/>.</summary>
    public IReadOnlyList<AnalyzedTerm> Typed { get; }

    /// <summary>What must each match for a case study to match the whole query: a word, or words a synonym group names.</summary>
    public IReadOnlyList<SearchConcept> Concepts { get; }

    /// <summary>Whether there is any word to look for.</summary>
    public bool IsEmpty => Concepts.Count == 0;

    /// <summary>Reads <paramref name="text"/>, expanding what <paramref name="synonyms"/> list.</summary>
    public static SearchTerms Of(string? text, Synonyms synonyms)
    {
        var typed = string.IsNullOrWhiteSpace(text) ? [] : SearchAnalyzer.Instance.Terms(text).Take(MaxWords).ToList();
        var concepts = new List<SearchConcept>();
        for (var i = 0; i < typed.Count;)
        {
            if (synonyms.Match(typed, i) is { } match)
            {
                var span = typed.GetRange(i, match.Length);
                var others = match.Group.Where(e => !e.Select(t => t.Term).SequenceEqual(span.Select(t => t.Term))).ToList();
                concepts.Add(new SearchConcept(span, null, others));
                i += match.Length;
                continue;
            }

            if (concepts.All(c => c.Typed.Count > 1 || c.Typed[0].Term != typed[i].Term))
            {
                var raw = FoldedText.Of(text![typed[i].Start..typed[i].End]).Text;
                concepts.Add(new SearchConcept([typed[i]], raw.Length >= MinPrefix ? raw : null, []));
            }

            i++;
        }

        return new SearchTerms(typed, concepts);
    }

    /// <summary>
    /// How many of <paramref name="terms"/> (a text's, analyzed) from <paramref name="at"/> on are a match: the
    /// length of a synonym phrase that starts there, 1 for a query word or a word a typed word starts, 0 for none.
    /// </summary>
    public int MatchAt(IReadOnlyList<AnalyzedTerm> terms, int at)
    {
        foreach (var phrase in _phrases)
        {
            if (at + phrase.Length <= terms.Count && phrase.Select((t, i) => terms[at + i].Term == t).All(x => x))
            {
                return phrase.Length;
            }
        }

        var term = terms[at].Term;
        return _words.Contains(term) || _prefixes.Any(p => term.StartsWith(p, StringComparison.Ordinal)) ? 1 : 0;
    }
}

/// <summary>
/// One thing a query asks for: the <paramref name="Typed"/> terms (one word, or the words of a synonym-list entry),
/// the folded word as typed when it may also start longer words (<paramref name="Prefix"/>), and the other entries of
/// its synonym group.
/// </summary>
public sealed record SearchConcept(IReadOnlyList<AnalyzedTerm> Typed, string? Prefix, IReadOnlyList<IReadOnlyList<AnalyzedTerm>> Synonyms);
