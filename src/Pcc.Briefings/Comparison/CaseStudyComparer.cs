using Pcc.Briefings.Identity;

namespace Pcc.Briefings.Comparison;

/// <summary>
/// Compares case studies: a stored version with a new one (new / changed / removed / unchanged, keys carried over),
/// or two different documents (which case studies they share). Works on plain <see cref="CaseStudy"/> records, so a
/// stored set read back from a table compares as well as a parsed document.
/// </summary>
public static class CaseStudyComparer
{
    /// <summary>
    /// Compares <paramref name="before"/> (stored) with <paramref name="after"/> (new). Case studies are paired by key
    /// first, then by text similarity, so an edited or renumbered case study keeps its stored key.
    /// </summary>
    public static BriefingComparison Compare(IReadOnlyList<CaseStudy> before, IReadOnlyList<CaseStudy> after, ComparisonOptions? options = null)
    {
        options ??= ComparisonOptions.Default;
        var pairs = CaseStudyPairing.Pair(before, after, options.KeyMatchThreshold, options.MatchThreshold);

        var usedKeys = new HashSet<string>(before.Select(b => b.Key), StringComparer.Ordinal);
        var current = new List<CaseStudy>(after.Count);
        var @new = new List<CaseStudy>();
        var changed = new List<CaseStudyChange>();
        var unchanged = new List<CaseStudy>();
        for (var i = 0; i < after.Count; i++)
        {
            if (pairs.TryGetValue(i, out var match))
            {
                var stored = before[match.BeforeIndex];
                var continued = after[i] with { Key = stored.Key };
                current.Add(continued);
                if (AreEquivalent(stored, continued) && stored.ThemeSlug == continued.ThemeSlug)
                {
                    unchanged.Add(continued);
                }
                else
                {
                    changed.Add(new CaseStudyChange(stored, continued, TextDiff.Between(stored.Text, continued.Text), match.Similarity));
                }
            }
            else
            {
                var fresh = after[i] with { Key = UniqueKeys.Claim(after[i].Key, usedKeys) };
                current.Add(fresh);
                @new.Add(fresh);
            }
        }

        var matchedBefore = pairs.Values.Select(p => p.BeforeIndex).ToHashSet();
        var removed = before.Where((_, index) => !matchedBefore.Contains(index)).ToList();
        return new BriefingComparison(@new, changed, removed, unchanged, current);
    }

    /// <summary>
    /// The case studies two different documents share, each paired at most once, best matches first. A pair counts
    /// when its word similarity reaches the threshold or one text is almost wholly contained in the other.
    /// </summary>
    public static IReadOnlyList<CaseStudyCounterpart> FindCounterparts(IReadOnlyList<CaseStudy> first, IReadOnlyList<CaseStudy> second, ComparisonOptions? options = null)
    {
        options ??= ComparisonOptions.Default;
        var candidates =
            from a in first
            from b in second
            let similarity = TextSimilarity.Of(a.Text, b.Text)
            let containment = TextSimilarity.Containment(a.Text, b.Text)
            where similarity >= options.CounterpartThreshold || containment >= 0.8
            orderby similarity descending
            select new CaseStudyCounterpart(a, b, similarity, containment);

        var result = new List<CaseStudyCounterpart>();
        var usedFirst = new HashSet<CaseStudy>(ReferenceEqualityComparer.Instance);
        var usedSecond = new HashSet<CaseStudy>(ReferenceEqualityComparer.Instance);
        foreach (var candidate in candidates)
        {
            if (!usedFirst.Contains(candidate.First) && !usedSecond.Contains(candidate.Second))
            {
                result.Add(candidate);
                usedFirst.Add(candidate.First);
                usedSecond.Add(candidate.Second);
            }
        }

        return result;
    }

    /// <summary>True when two texts say the same thing: equal word for word once typography, wrapping and hyphenation are set aside.</summary>
    public static bool AreEquivalent(string first, string second) =>
        TextNormalizer.ComparisonTokens(first).SequenceEqual(TextNormalizer.ComparisonTokens(second), StringComparer.Ordinal);

    /// <summary>True when two case studies' texts are equivalent (see <see cref="AreEquivalent(string, string)"/>).</summary>
    public static bool AreEquivalent(CaseStudy first, CaseStudy second) => AreEquivalent(first.Text, second.Text);
}
