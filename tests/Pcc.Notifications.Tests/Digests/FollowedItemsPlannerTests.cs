using Pcc.Briefings.Comparison;
using Pcc.Notifications.Digests;
using Pcc.Notifications.Email.Html;
using static Pcc.Notifications.Tests.Digests.Samples;

namespace Pcc.Notifications.Tests.Digests;

/// <summary>Digests for readers who follow single briefings and case studies, with or without themes.</summary>
public sealed class FollowedItemsPlannerTests
{
    private const string OtherBriefing = "community-safety-review";

    private static DigestRecipient Follower(string email, string[]? themes = null, string[]? briefings = null, string[]? caseStudies = null, bool minor = false) =>
        Recipient(email, themes ?? []) with { Briefings = briefings ?? [], CaseStudies = caseStudies ?? [], IncludeMinorCorrections = minor };

    private static DigestChange InOther(DigestChange change) => change with { Briefing = OtherBriefing, BriefingTitle = "Community Safety Review" };

    [Fact]
    public void AFollowedCaseStudysChangeReachesItsFollowerAndAnotherCaseStudysDoesNot()
    {
        var plan = DigestPlanner.Plan(Daily, [Changed("twelve", "a b", "a c"), Changed("thirteen", "x y", "x z")],
            [Follower("ann@example.org", caseStudies: ["twelve"]), Follower("bob@example.org", caseStudies: ["fourteen"])]);

        var audience = Assert.Single(plan.Audiences);
        var section = Assert.Single(audience.Sections);
        Assert.Equal((DigestSectionKind.CaseStudies, "Case studies you follow"), (section.Kind, section.Theme));
        Assert.Equal(["twelve"], section.Items.Select(i => i.Key));
        Assert.Equal("bob@example.org", Assert.Single(plan.Empty).Email);
    }

    [Fact]
    public void AFollowedCaseStudyIsFollowedWhereverItMovesAndWhenItIsRemoved()
    {
        var moved = Changed("twelve", "a b", "a c", theme: Technology);

        var plan = DigestPlanner.Plan(Daily, [moved, Removed("thirteen", at: At(4))], [Follower("ann@example.org", caseStudies: ["twelve", "thirteen"])]);

        var items = Assert.Single(Assert.Single(plan.Audiences).Sections).Items;
        Assert.Equal([(DigestChangeKind.Removed, Violence), (DigestChangeKind.Changed, Technology)], items.Select(i => (i.Kind, i.ThemeSlug)).OrderByDescending(i => i.Kind));
    }

    [Fact]
    public void ABriefingsFollowerGetsEveryNewChangedAndRemovedCaseStudyInItAndNothingFromOtherBriefings()
    {
        var plan = DigestPlanner.Plan(Daily,
            [New("a"), Changed("b", "x", "y", theme: Victims), Removed("c", theme: Technology), InOther(New("d"))],
            [Follower("ann@example.org", briefings: ["public-safety-public-trust"])]);

        var section = Assert.Single(Assert.Single(plan.Audiences).Sections);
        Assert.Equal((DigestSectionKind.Briefing, "Public Safety, Public Trust"), (section.Kind, section.Theme));
        Assert.Equal(["a", "b", "c"], section.Items.Select(i => i.Key).Order());
    }

    [Fact]
    public void AChangeMatchingAFollowedCaseStudyABriefingAndATheme()
    {
        var plan = DigestPlanner.Plan(Daily, [Changed("twelve", "a b", "a c"), Changed("thirteen", "x y", "x z"), InOther(New("other"))],
            [Follower("ann@example.org", themes: [Violence], briefings: ["public-safety-public-trust"], caseStudies: ["twelve"])]);

        var audience = Assert.Single(plan.Audiences);
        Assert.Equal(["twelve", "thirteen", "other"], audience.Items.Select(i => i.Key));
        Assert.Equal([DigestSectionKind.CaseStudies, DigestSectionKind.Briefing, DigestSectionKind.Theme], audience.Sections.Select(s => s.Kind));
        Assert.Equal(3, audience.Items.Select(i => i.Key).Distinct().Count());
    }

    [Fact]
    public void ThemeFollowersAlsoFollowingTheBriefingGetEachChangeOnce()
    {
        var plan = DigestPlanner.Plan(Daily, [Changed("twelve", "a b", "a c"), Changed("thirteen", "x y", "x z")],
            [Follower("ann@example.org", themes: [Violence], briefings: ["public-safety-public-trust"])]);

        var audience = Assert.Single(plan.Audiences);
        Assert.Equal(["thirteen", "twelve"], audience.Items.Select(i => i.Key));
        Assert.Equal(DigestSectionKind.Briefing, Assert.Single(audience.Sections).Kind);
    }

    [Fact]
    public void MinorCorrectionsToAFollowedCaseStudyFollowTheReadersChoice()
    {
        var correction = Changed("twelve", "a b", "a b.") with { Grade = ChangeGrade.Editorial };

        var plan = DigestPlanner.Plan(Daily, [correction],
            [Follower("ann@example.org", caseStudies: ["twelve"]), Follower("bob@example.org", caseStudies: ["twelve"], minor: true)]);

        Assert.Equal(["bob@example.org"], plan.Audiences.SelectMany(a => a.Recipients).Select(r => r.Email));
        Assert.Equal("ann@example.org", Assert.Single(plan.Empty).Email);
    }

    [Fact]
    public void RecipientsWithTheSameFollowsShareOneAudienceAndDifferentFollowsDoNot()
    {
        var plan = DigestPlanner.Plan(Daily, [Changed("twelve", "a b", "a c"), Changed("thirteen", "x y", "x z")],
        [
            Follower("ann@example.org", themes: [Violence], caseStudies: ["twelve", "thirteen"]),
            Follower("bob@example.org", themes: [Violence], caseStudies: ["thirteen", "twelve"]),
            Follower("cat@example.org", themes: [Violence]),
            Follower("dan@example.org", themes: [Violence], briefings: ["public-safety-public-trust"]),
        ]);

        Assert.Equal(3, plan.Audiences.Count);
        var shared = plan.Audiences.Single(a => a.Recipients.Count == 2);
        Assert.Equal(["ann@example.org", "bob@example.org"], shared.Recipients.Select(r => r.Email));
        Assert.Equal($"{Violence};case-studies:thirteen,twelve", shared.FollowSet);
        Assert.Equal(Violence, plan.Audiences.Single(a => a.Recipients[0].Email == "cat@example.org").FollowSet);
    }

    [Fact]
    public async Task TheDigestHasASectionForFollowedCaseStudiesWithTheEditorsNoteAndSaysWhatIsFollowed()
    {
        var change = Changed("twelve", "The scheme helped 10 people.", "The scheme helped 12 people.", theme: Technology) with { Note = "Figures for 2025." };
        var plan = DigestPlanner.Plan(Daily, [change], [Follower("ann@example.org", themes: [Victims], briefings: [OtherBriefing], caseStudies: ["twelve", "thirteen"])]);
        var audience = Assert.Single(plan.Audiences);

        var content = await new DigestRenderer(new DigestOptions { PublicBaseUrl = "https://pcc.example.org/" }, EmailHtmlRenderer.Standalone).RenderAsync(Daily, audience);

        Assert.Contains("CASE STUDIES YOU FOLLOW", content.Text);
        Assert.Contains("Case studies you follow</h2>", content.Html);
        Assert.Contains("Editor's note: Figures for 2025.", content.Text);
        Assert.Contains("No. 3 \u00b7 Using technology \u00b7 Public Safety, Public Trust", content.Text);
        Assert.Contains("You get this email because you follow: Supporting victims, 1 briefing and 2 case studies.", content.Text);
        Assert.Equal("1 update in case studies you follow: 1 changed", content.Subject);
    }

    [Fact]
    public void AFollowedBriefingIsNamedByItsTitleInTheFooterWhenTheWindowNamesIt()
    {
        var plan = DigestPlanner.Plan(Daily, [New("a")], [Follower("ann@example.org", themes: [Violence], briefings: ["public-safety-public-trust"], caseStudies: ["x"])]);

        Assert.Equal("Tackling violence and exploitation, the briefing Public Safety, Public Trust and 1 case study", Assert.Single(plan.Audiences).Following);
    }
}
