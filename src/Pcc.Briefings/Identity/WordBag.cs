namespace Pcc.Briefings.Identity;

/// <summary>The words of a text with their counts.</summary>
internal sealed class WordBag
{
    private readonly Dictionary<string, int> _counts;

    private WordBag(Dictionary<string, int> counts, int total)
    {
        _counts = counts;
        Total = total;
    }

    public int Total { get; }

    public static WordBag From(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        foreach (var word in TextNormalizer.Words(text))
        {
            counts[word] = counts.GetValueOrDefault(word) + 1;
            total++;
        }

        return new WordBag(counts, total);
    }

    public int SharedWith(WordBag other)
    {
        var (small, large) = _counts.Count <= other._counts.Count ? (this, other) : (other, this);
        var shared = 0;
        foreach (var (word, count) in small._counts)
        {
            shared += Math.Min(count, large._counts.GetValueOrDefault(word));
        }

        return shared;
    }
}
