using Pcc.Briefings.Comparison;

namespace Pcc.Cli.Output;

/// <summary>A changed case study as JSON: both versions, the readable diff and its pieces.</summary>
public sealed record ChangeJson(CaseStudyJson Before, CaseStudyJson After, string Diff, IReadOnlyList<DiffPiece> Pieces, bool ThemeChanged, double Similarity)
{
    /// <summary>The JSON form of <paramref name="change"/>.</summary>
    public static ChangeJson From(CaseStudyChange change) => new(
        CaseStudyJson.From(change.Before),
        CaseStudyJson.From(change.After),
        change.Describe(),
        change.Diff.Pieces,
        change.ThemeChanged,
        Math.Round(change.Similarity, 3));
}
