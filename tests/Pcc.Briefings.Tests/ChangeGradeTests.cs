using Pcc.Briefings.Comparison;

namespace Pcc.Briefings.Tests;

/// <summary>
/// Corrections that leave what a case study says as it was are editorial; anything that changes a figure, a word or a
/// theme is substantive (<see cref="ChangeGrader.Rule"/>).
/// </summary>
public sealed class ChangeGradeTests
{
    private const string Original =
        "The Thames Valley programme diverted 39 young people from court in its first year, working with schools and the organisation's youth workers.";

    [Theory]
    [InlineData("The Thames Valley programme diverted 39 young people from court in its first year; working with schools and the organisation's youth workers.", "punctuation")]
    [InlineData("The Thames Valley programme diverted 39 young people from court in its first year, working with schools and the organisation's youth workers.3", "footnote marks")]
    [InlineData("The Thames Valley programme diverted 39 young people from court in its first year, working with schools and the organisation's youth workers.\u00b2", "footnote marks")]
    [InlineData("The Thames Valley program diverted 39 young people from court in its first year, working with schools and the organization's youth workers.", "spelling")]
    [InlineData("The Thames Valley programme divreted 39 young people from court in its first year, working with schools and the organisation's youth workers.", "spelling")]
    [InlineData("The Thames Valley programme diverted 39 young people from court in its first year, working with schools and the organisation's youthworkers.", "spelling")]
    [InlineData("Working with schools and the organisation's youth workers, the Thames Valley programme diverted 39 young people from court in its first year.", "word order")]
    [InlineData("the thames valley programme  diverted 39 young people from court in its first year, working with schools and the organisation's youth workers.", "capitals")]
    public void ACorrectionIsEditorial(string corrected, string reason)
    {
        var grading = ChangeGrader.Grade(Original, corrected);

        Assert.Equal(ChangeGrade.Editorial, grading.Grade);
        Assert.Contains(reason, grading.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The Thames Valley programme diverted 41 young people from court in its first year, working with schools and the organisation's youth workers.", "figures (39 \u2192 41)")]
    [InlineData("The Thames Valley programme diverted 39 young people from court in its second year, working with schools and the organisation's youth workers.", "figures")]
    [InlineData("The Thames Valley programme diverted 39 young people from court in its first year, working with schools and the organisation's police officers.", "wording (youth workers \u2192 police officers)")]
    [InlineData("The Thames Valley programme diverted 39 young people from court in its first year, working with schools.", "words removed")]
    [InlineData("The Thames Valley programme diverted 39 young people from court in its first year, working with schools, parents and the organisation's youth workers.", "words added (parents)")]
    [InlineData("The Thames Valley programme reverted 39 young people from court in its first year, working with schools and the organisation's youth workers.", "wording")]
    public void AChangeOfWhatItSaysIsSubstantive(string changed, string reason)
    {
        var grading = ChangeGrader.Grade(Original, changed);

        Assert.Equal(ChangeGrade.Substantive, grading.Grade);
        Assert.Contains(reason, grading.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The grant was one million pounds.", "The grant was one billion pounds.")]
    [InlineData("Officers could refer cases directly.", "Officers would refer cases directly.")]
    [InlineData("The force will fund it.", "The force will not fund it.")]
    [InlineData("Reoffending rates increased.", "Reoffending rates decreased.")]
    [InlineData("A 2019 pilot.", "A 2020 pilot.")]
    public void SmallEditsThatChangeTheClaimAreSubstantive(string before, string after) =>
        Assert.Equal(ChangeGrade.Substantive, ChangeGrader.Grade(before, after).Grade);

    [Fact]
    public void AMoveToAnotherThemeIsSubstantiveEvenWithTheSameWords()
    {
        var before = new CaseStudy("k", 3, "drug-harm", "Reducing drug harm", "Title", Original);
        var after = before with { ThemeSlug = "violence", ThemeName = "Tackling violence" };

        var grading = ChangeGrader.Grade(new CaseStudyChange(before, after, TextDiff.Between(before.Text, after.Text), 1));

        Assert.Equal(ChangeGrade.Substantive, grading.Grade);
        Assert.Contains("theme", grading.Reason, StringComparison.Ordinal);
    }
}
