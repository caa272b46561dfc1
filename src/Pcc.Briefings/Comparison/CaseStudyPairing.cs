using Pcc.Briefings.Identity;

namespace Pcc.Briefings.Comparison;

/// <summary>Pairs new case studies with stored ones: equal keys first, then the most similar texts above a threshold.</summary>
internal static class CaseStudyPairing
{
    public static Dictionary<int, (int BeforeIndex, double Similarity)> Pair(
        IReadOnlyList<CaseStudy> before, IReadOnlyList<CaseStudy> after, double keyThreshold, double threshold)
    {
        var beforeBags = before.Select(b => WordBag.From(b.Text)).ToArray();
        var afterBags = after.Select(a => WordBag.From(a.Text)).ToArray();
        var pairs = new Dictionary<int, (int, double)>();
        var taken = new HashSet<int>();

        var byKey = before.Select((b, i) => (b.Key, i)).GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        for (var a = 0; a < after.Count; a++)
        {
            if (byKey.TryGetValue(after[a].Key, out var b) && !taken.Contains(b))
            {
                var similarity = TextSimilarity.Of(beforeBags[b], afterBags[a]);
                if (similarity >= keyThreshold)
                {
                    pairs[a] = (b, similarity);
                    taken.Add(b);
                }
            }
        }

        var candidates = new List<(int After, int Before, double Similarity)>();
        for (var a = 0; a < after.Count; a++)
        {
            if (pairs.ContainsKey(a))
            {
                continue;
            }

            for (var b = 0; b < before.Count; b++)
            {
                if (!taken.Contains(b))
                {
                    var similarity = TextSimilarity.Of(beforeBags[b], afterBags[a]);
                    if (similarity >= threshold)
                    {
                        candidates.Add((a, b, similarity));
                    }
                }
            }
        }

        foreach (var (a, b, similarity) in candidates.OrderByDescending(c => c.Similarity).ThenBy(c => c.After))
        {
            if (!pairs.ContainsKey(a) && taken.Add(b))
            {
                pairs[a] = (b, similarity);
            }
        }

        return pairs;
    }
}
