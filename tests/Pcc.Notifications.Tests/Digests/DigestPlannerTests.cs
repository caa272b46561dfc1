using Pcc.Briefings.Comparison;
using Pcc.Notifications.Digests;
using static Pcc.Notifications.Tests.Digests.Samples;

namespace Pcc.Notifications.Tests.Digests;

public sealed class DigestPlannerTests
{
    [Fact]
    public void RecipientsGetOnlyTheThemesTheyFollow()
    {
        var plan = DigestPlanner.Plan(Daily, [New("a", Violence), New("b", Victims)], [Recipient("ann@example.org", Victims)]);

        var audience = Assert.Single(plan.Audiences);
        var section = Assert.Single(audience.Sections);
        Assert.Equal(Victims, section.ThemeSlug);
        Assert.Equal("b", Assert.Single(section.Items).Key);
    }

    [Fact]
    public void AThemesCaseStudiesReadInTheBriefingsNumberOrder()
    {
        var plan = DigestPlanner.Plan(Daily,
            [New("b", at: At(1)) with { Number = "12" }, New("c", at: At(2)) with { Number = null }, New("a", at: At(3)) with { Number = "2" }],
            [Recipient("ann@example.org", Violence)]);

        Assert.Equal(["a", "b", "c"], Assert.Single(Assert.Single(plan.Audiences).Sections).Items.Select(i => i.Key));
    }

    [Fact]
    public void ThemesReadInTheBriefingsOrderNotAlphabetically()
    {
        // The briefing numbers its violence case studies (3) before its victims ones (6): that order, not the slugs'.
        var plan = DigestPlanner.Plan(Daily,
            [New("v", Victims) with { Number = "6" }, New("t", Technology) with { Number = "9" }, New("a", Violence) with { Number = "3" }],
            [Recipient("ann@example.org", Technology, Victims, Violence)]);

        var audience = Assert.Single(plan.Audiences);
        Assert.Equal([Violence, Victims, Technology], audience.Sections.Select(s => s.ThemeSlug));
        Assert.Equal(["Tackling violence and exploitation", "Supporting victims", "Using technology"], audience.FollowedThemes);
    }

    [Fact]
    public void ACaseStudyAddedThenChangedIsOneNewItemWithTheLatestText()
    {
        var items = ChangeCollapser.Collapse([New("a", text: "First draft.", at: At(1)), Changed("a", "First draft.", "Final words.", at: At(2))]);

        var item = Assert.Single(items);
        Assert.Equal(DigestChangeKind.New, item.Kind);
        Assert.Equal("Final words.", item.Text);
        Assert.Null(item.PreviousText);
    }

    [Fact]
    public void ACaseStudyChangedTwiceIsOneChangeFromTheFirstTextToTheLast()
    {
        var items = ChangeCollapser.Collapse(
        [
            Changed("a", "one two three four", "one two THREE four", at: At(1)),
            Changed("a", "one two THREE four", "one two THREE four five", at: At(2), version: 3),
        ]);

        var item = Assert.Single(items);
        Assert.Equal(DigestChangeKind.Changed, item.Kind);
        Assert.Equal("one two three four", item.PreviousText);
        Assert.Equal(
            [new(DiffPieceKind.Unchanged, "one two"), new(DiffPieceKind.Deleted, "three"), new(DiffPieceKind.Inserted, "THREE"),
             new(DiffPieceKind.Unchanged, "four"), new(DiffPieceKind.Inserted, "five")],
            item.DiffPieces!);
    }

    [Fact]
    public void ChangesAreOrderedByIngestTimeNotByTheOrderTheyArrive()
    {
        var items = ChangeCollapser.Collapse([Changed("a", "b c", "b d", at: At(5), version: 3), New("a", text: "b c", at: At(1))]);

        Assert.Equal(DigestChangeKind.New, Assert.Single(items).Kind);
        Assert.Equal("b d", items[0].Text);
    }

    [Fact]
    public void ACaseStudyAddedThenRemovedInTheSameWindowIsNotMentioned()
    {
        var plan = DigestPlanner.Plan(Daily, [New("a", at: At(1)), Removed("a", at: At(2))], [Recipient("ann@example.org", Violence)]);

        Assert.Empty(plan.Items);
        Assert.Empty(plan.Audiences);
        Assert.Single(plan.Empty);
    }

    [Fact]
    public void ACaseStudyChangedAndChangedBackIsNotMentioned() =>
        Assert.Empty(ChangeCollapser.Collapse([Changed("a", "x y", "x z", at: At(1)), Changed("a", "x z", "x y", at: At(2), version: 3)]));

    [Fact]
    public void ARemovedCaseStudyStaysRemoved()
    {
        var item = Assert.Single(ChangeCollapser.Collapse([Changed("a", "x", "y", at: At(1)), Removed("a", at: At(2))]));

        Assert.Equal(DigestChangeKind.Removed, item.Kind);
    }

    [Fact]
    public void ASubscriberWhoseThemesDidNotChangeGetsNoDigest()
    {
        var plan = DigestPlanner.Plan(Daily, [New("a", Violence)], [Recipient("ann@example.org", Violence), Recipient("bob@example.org", Technology)]);

        Assert.Equal(["ann@example.org"], plan.Audiences.SelectMany(a => a.Recipients).Select(r => r.Email));
        Assert.Equal("bob@example.org", Assert.Single(plan.Empty).Email);
    }

    [Fact]
    public void RecipientsFollowingTheSameThemesShareOneAudience()
    {
        var plan = DigestPlanner.Plan(
            Daily,
            [New("a", Violence), New("b", Victims)],
            [
                Recipient("ann@example.org", Violence, Victims),
                Recipient("bob@example.org", Victims, Violence),
                Recipient("cat@example.org", Violence),
                Recipient("dan@example.org", Violence, Victims, Violence),
            ]);

        Assert.Equal(2, plan.Audiences.Count);
        var both = plan.Audiences.Single(a => a.Sections.Count == 2);
        Assert.Equal(["ann@example.org", "bob@example.org", "dan@example.org"], both.Recipients.Select(r => r.Email));
        Assert.Equal($"{Victims},{Violence}", both.FollowSet);
    }

    [Fact]
    public void FollowedThemesWithoutChangesAreStillNamedInTheFooter()
    {
        var plan = DigestPlanner.Plan(Daily, [New("a", Violence)], [Recipient("ann@example.org", Violence, Technology)]);

        Assert.Equal(["Tackling violence and exploitation", "Using technology"], Assert.Single(plan.Audiences).FollowedThemes);
    }

    [Fact]
    public void AMinorCorrectionReachesOnlyRecipientsWhoAskForMinorCorrections()
    {
        var correction = Changed("a", "The programme ran", "The program ran") with { Grade = ChangeGrade.Editorial };
        var update = Changed("b", "It diverted 39", "It diverted 41", theme: Victims) with { Note = "2025 figures" };

        var plan = DigestPlanner.Plan(Daily, [correction, update],
            [Recipient("ann@example.org", Violence), Recipient("bob@example.org", Violence) with { IncludeMinorCorrections = true },
             Recipient("cat@example.org", Violence, Victims)]);

        Assert.Equal(["ann@example.org"], plan.Empty.Select(r => r.Email));
        var bob = Assert.Single(plan.Audiences, a => a.Recipients.Any(r => r.Email == "bob@example.org"));
        Assert.True(bob.IncludesMinorCorrections);
        Assert.Equal(["a"], bob.Items.Select(i => i.Key));
        var cat = Assert.Single(plan.Audiences, a => a.Recipients.Any(r => r.Email == "cat@example.org"));
        Assert.Equal(["b"], cat.Items.Select(i => i.Key));
        Assert.Equal("2025 figures", cat.Items.Single().Note);
    }

    [Fact]
    public void ACaseStudyCorrectedThenChangedInOneWindowIsASubstantiveChangeWithItsNote()
    {
        var items = ChangeCollapser.Collapse(
        [
            Changed("a", "one two three", "one, two three", at: At(1)) with { Grade = ChangeGrade.Editorial, Note = "Typos" },
            Changed("a", "one, two three", "one, two four", at: At(2), version: 3) with { Note = "New figures" },
        ]);

        var item = Assert.Single(items);
        Assert.Equal(ChangeGrade.Substantive, item.Grade);
        Assert.Equal("Typos; New figures", item.Note);
        Assert.Equal(ChangeGrade.Editorial, Assert.Single(ChangeCollapser.Collapse([Changed("a", "x", "y") with { Grade = ChangeGrade.Editorial }])).Grade);
    }
}
