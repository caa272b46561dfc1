using Pcc.Briefings.Comparison;

namespace Pcc.Briefings.Tests;

public class VersionComparisonTests
{
    private static readonly Briefing s_v1 = Seeds.Parse(Seeds.Briefing, Seeds.BriefingName);
    private static readonly Briefing s_v2 = Seeds.Parse(Seeds.Fixture("briefing-v2.txt"), "briefing-v2.txt");
    private static readonly BriefingComparison s_comparison = CaseStudyComparer.Compare(s_v1.CaseStudies, s_v2.CaseStudies);

    [Fact]
    public void AnInsertedCaseStudyIsNewAndTheRenumberedOnesAfterItAreNot()
    {
        var added = Assert.Single(s_comparison.New);
        Assert.Equal(3, added.Number);
        Assert.StartsWith("In Merseyside the PCC funds a boxing club", added.Text);
        Assert.DoesNotContain(s_v1.CaseStudies, c => c.Key == added.Key);
    }

    [Fact]
    public void ADroppedCaseStudyIsRemoved()
    {
        var removed = Assert.Single(s_comparison.Removed);
        Assert.Equal(10, removed.Number);
        Assert.StartsWith("WEDINOS", removed.Text);
    }

    [Fact]
    public void EditedCaseStudiesAreChangedAndKeepTheirKeys()
    {
        Assert.Equal([3, 16, 17], s_comparison.Changed.Select(c => c.Before.Number!.Value));
        Assert.All(s_comparison.Changed, c => Assert.Equal(c.Before.Key, c.After.Key));
        Assert.Equal([4, 16, 17], s_comparison.Changed.Select(c => c.After.Number!.Value));
    }

    [Fact]
    public void AChangedNumberShowsTheOldAndNewWordsInTheDiff()
    {
        var change = s_comparison.Changed.Single(c => c.Before.Number == 3);

        Assert.Contains("[-39-]{+40+} per cent", change.Describe());
        Assert.Equal(
            [new DiffPiece(DiffPieceKind.Deleted, "39"), new DiffPiece(DiffPieceKind.Inserted, "40")],
            change.Diff.Pieces.Where(p => p.Kind != DiffPieceKind.Unchanged));
    }

    [Fact]
    public void RewordedOpeningWordsStillMatchTheStoredCaseStudy()
    {
        var change = s_comparison.Changed.Single(c => c.Before.Number == 17);

        Assert.StartsWith("trust-in-policing-stop-search-scrutiny-panel", change.After.Key);
        Assert.Contains("{+Bedfordshire's+}", change.Describe());
    }

    [Fact]
    public void RenumberedRewrappedAndRequotedCaseStudiesAreUnchanged()
    {
        Assert.Equal(16, s_comparison.Unchanged.Count);
        Assert.Contains(s_comparison.Unchanged, c => c.Number == 12 && c.Text.Contains("'navigator'"));
        Assert.Contains(s_comparison.Unchanged, c => c.Number == 5 && c.Text.StartsWith("St Giles Trust"));
        Assert.Equal(s_v2.CaseStudies.Count, s_comparison.Current.Count);
        Assert.Equal(20, s_comparison.Current.Select(c => c.Key).Distinct().Count());
    }

    [Fact]
    public void TheSameVersionComparedWithItselfHasNoChanges()
    {
        var comparison = CaseStudyComparer.Compare(s_v1.CaseStudies, s_v1.CaseStudies);

        Assert.False(comparison.HasChanges);
        Assert.Equal(20, comparison.Unchanged.Count);
    }

    [Fact]
    public void StoredRecordsWithoutLocationsCompareLikeParsedOnes()
    {
        var stored = s_v1.CaseStudies.Select(c => new CaseStudy(c.Key, c.Number, c.ThemeSlug, c.ThemeName, c.Title, c.Text)).ToList();

        var comparison = CaseStudyComparer.Compare(stored, s_v2.CaseStudies);

        Assert.Equal((1, 3, 1, 16), (comparison.New.Count, comparison.Changed.Count, comparison.Removed.Count, comparison.Unchanged.Count));
    }
}
