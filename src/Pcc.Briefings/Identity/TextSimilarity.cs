namespace Pcc.Briefings.Identity;

/// <summary>How much two texts share, from their words regardless of order, wrapping and typography.</summary>
public static class TextSimilarity
{
    /// <summary>
    /// The Dice coefficient of the two texts' word multisets: 1 for the same words, 0 for none in common.
    /// </summary>
    public static double Of(string first, string second) => Of(WordBag.From(first), WordBag.From(second));

    internal static double Of(WordBag first, WordBag second)
    {
        if (first.Total + second.Total == 0)
        {
            return 1;
        }

        return 2.0 * first.SharedWith(second) / (first.Total + second.Total);
    }

    /// <summary>
    /// The share of the shorter text's words that the longer one also has: 1 when one text is a cut-down version
    /// of the other, as a news write-up often is of a briefing.
    /// </summary>
    public static double Containment(string first, string second)
    {
        var a = WordBag.From(first);
        var b = WordBag.From(second);
        var smaller = Math.Min(a.Total, b.Total);
        return smaller == 0 ? 0 : (double)a.SharedWith(b) / smaller;
    }
}
