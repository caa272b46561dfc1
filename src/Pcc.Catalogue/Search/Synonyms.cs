namespace Pcc.Catalogue.Search;

/// <summary>
/// The editable list of synonyms and abbreviations (<c>seeds/synonyms.txt</c>): one group per line, words or phrases
/// separated by commas, <c>#</c> starting a comment. A query that contains one of a group's entries also looks for the
/// others (query-time expansion: the index does not depend on the list). Entries are read as the index reads text, so
/// case, accents and word endings do not matter.
/// </summary>
public sealed class Synonyms
{
    /// <summary>The name of the embedded copy of <c>seeds/synonyms.txt</c>.</summary>
    public const string ResourceName = "Pcc.Catalogue.synonyms.txt";

    private static readonly Lazy<Synonyms> s_default = new(LoadEmbedded);
    private readonly Dictionary<string, List<(string[] Entry, int Group)>> _byFirstTerm = new(StringComparer.Ordinal);
    private readonly List<IReadOnlyList<IReadOnlyList<AnalyzedTerm>>> _groups = [];

    private Synonyms()
    {
    }

    /// <summary>The list shipped inside the library: the <c>seeds/synonyms.txt</c> it was built with.</summary>
    public static Synonyms Default => s_default.Value;

    /// <summary>No synonyms.</summary>
    public static Synonyms None { get; } = new();

    /// <summary>How many groups the list has.</summary>
    public int Count => _groups.Count;

    /// <summary>Reads a list in the format of <c>seeds/synonyms.txt</c>.</summary>
    /// <exception cref="FormatException">A line has fewer than two entries, or an entry with no searchable word; the message names the line.</exception>
    public static Synonyms Parse(string text)
    {
        var synonyms = new Synonyms();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Split('#')[0];
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var entries = line.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (entries.Length < 2)
            {
                throw new FormatException($"Line {n + 1} ('{line.Trim()}') needs at least two words or phrases separated by commas.");
            }

            var group = new List<IReadOnlyList<AnalyzedTerm>>();
            foreach (var entry in entries)
            {
                var terms = SearchAnalyzer.Instance.Terms(entry);
                if (terms.Count == 0)
                {
                    throw new FormatException($"Line {n + 1}: '{entry}' has no word search can find (only common words such as 'the', or no letters).");
                }

                group.Add(terms);
                var key = terms[0].Term;
                if (!synonyms._byFirstTerm.TryGetValue(key, out var list))
                {
                    synonyms._byFirstTerm[key] = list = [];
                }

                list.Add((terms.Select(t => t.Term).ToArray(), synonyms._groups.Count));
            }

            synonyms._groups.Add(group);
        }

        return synonyms;
    }

    /// <summary>Reads a list from a file.</summary>
    public static Synonyms LoadFile(string path) => Parse(File.ReadAllText(path));

    /// <summary>
    /// The longest entry that <paramref name="terms"/> spell from <paramref name="at"/> on: how many terms it takes and
    /// every entry of its group (each the terms of a word or phrase); null when none starts there.
    /// </summary>
    internal (int Length, IReadOnlyList<IReadOnlyList<AnalyzedTerm>> Group)? Match(IReadOnlyList<AnalyzedTerm> terms, int at)
    {
        if (!_byFirstTerm.TryGetValue(terms[at].Term, out var candidates))
        {
            return null;
        }

        (int Length, int Group)? best = null;
        foreach (var (entry, group) in candidates)
        {
            if (entry.Length > (best?.Length ?? 0) && at + entry.Length <= terms.Count && entry.Select((t, i) => terms[at + i].Term == t).All(x => x))
            {
                best = (entry.Length, group);
            }
        }

        return best is { } b ? (b.Length, _groups[b.Group]) : null;
    }

    private static Synonyms LoadEmbedded()
    {
        using var stream = typeof(Synonyms).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded synonyms list '{ResourceName}' is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
