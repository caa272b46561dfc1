using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Pcc.Briefings.Comparison;
using Pcc.Notifications.Digests;
using Pcc.Notifications.Email;
using Pcc.Notifications.Email.Html;
using Pcc.Notifications.Tests.Email;
using static Pcc.Notifications.Tests.Digests.Samples;

namespace Pcc.Notifications.Tests.Digests;

public sealed class DigestRendererTests
{
    private static readonly DigestOptions s_options = new() { PublicBaseUrl = "https://pcc.example.org/" };

    private static DigestRenderer Renderer() => new(s_options, EmailHtmlRenderer.Standalone);

    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static string Style(IHtmlDocument document, string selector) => InlineStyle.Of(document.QuerySelector(selector));

    private static async Task<(DigestAudience Audience, DigestContent Content)> RenderAsync(IReadOnlyList<DigestChange> changes, params string[] themes)
    {
        var plan = DigestPlanner.Plan(Daily, changes, [Recipient("ann@example.org", themes.Length == 0 ? [Violence, Victims, Technology] : themes)]);
        var audience = Assert.Single(plan.Audiences);
        return (audience, await Renderer().RenderAsync(Daily, audience));
    }

    [Fact]
    public async Task MarkupInCaseStudyTextAndTitlesIsEscapedInTheHtml()
    {
        var evil = New("a", title: "Knife crime <script>alert('x')</script> & more", text: "Partners <b>met</b> & agreed <script>steal()</script>.");

        var (_, content) = await RenderAsync([evil]);

        Assert.DoesNotContain("<script>", content.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>met", content.Html);
        Assert.Contains("Knife crime &lt;script&gt;alert('x')&lt;/script&gt; &amp; more", content.Html);
        Assert.Contains("Partners &lt;b&gt;met&lt;/b&gt; &amp; agreed", content.Html);
        Assert.Contains("Knife crime <script>alert('x')</script> & more", content.Text);
    }

    [Fact]
    public async Task ATitleAndAThemeNameThatLookLikeMarkupAreEscapedTextNotElements()
    {
        const string Title = "<script>alert(1)</script>";
        const string Theme = "Youth \"diversion\" & <b>prevention</b>";
        var added = New("a", title: Title) with { Theme = Theme };
        var changed = Changed("b", "Officers met <i>weekly</i> with schools.", "Officers met <i>daily</i> & agreed with schools.") with { Theme = Theme };

        var (_, content) = await RenderAsync([added, changed], Violence);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", content.Html);
        Assert.Contains("Youth \"diversion\" &amp; &lt;b&gt;prevention&lt;/b&gt;", content.Html);
        Assert.DoesNotContain("<script", content.Html, StringComparison.OrdinalIgnoreCase);
        var document = Parse(content.Html);
        Assert.Empty(document.QuerySelectorAll("script, b, i"));
        Assert.Equal(Theme, Assert.Single(document.QuerySelectorAll("h2")).TextContent);
        Assert.Contains(document.QuerySelectorAll("h3 a"), a => a.TextContent == Title);
        Assert.Contains(Theme, document.Title);
        Assert.Contains($"You get this email because you follow: {Theme}.", document.Body!.TextContent);
        Assert.Equal("<i>weekly</i>", Assert.Single(document.QuerySelectorAll("del")).TextContent);
        Assert.Equal("<i>daily</i> & agreed", Assert.Single(document.QuerySelectorAll("ins")).TextContent);
    }

    [Fact]
    public async Task TheStylesheetIsInlinedIntoStyleAttributesWithNoClassesOrStyleBlockLeft()
    {
        var (_, content) = await RenderAsync([New("a"), Changed("b", "The pilot ran for six months.", "The pilot ran for twelve months."), Removed("c", Victims)]);

        var document = Parse(content.Html);
        Assert.Empty(document.QuerySelectorAll("style, link, [class]"));
        Assert.All(document.Body!.QuerySelectorAll("table, td, h1, h2, h3, p, a, div, hr, del, ins"), e => Assert.False(string.IsNullOrEmpty(e.GetAttribute("style")), e.OuterHtml));
        Assert.Contains("margin:0;padding:0;background-color:#f3f4f6;", InlineStyle.Of(document.Body));
        Assert.Contains("font-size:22px;", Style(document, "h1"));
        Assert.Contains("border-bottom:2px solid #1a4f9c;", Style(document, "h2"));
        Assert.Contains("font-style:italic;", InlineStyle.Of(document.QuerySelectorAll("p").Single(p => p.TextContent.StartsWith("This case study is no longer", StringComparison.Ordinal))));
        Assert.Contains("color:#1a4f9c;", Style(document, "a"));
        Assert.Contains(document.QuerySelectorAll("[style]"), e => InlineStyle.Of(e).Contains("font-family:-apple-system, BlinkMacSystemFont, 'Segoe UI'", StringComparison.Ordinal));
        Assert.Equal("background-color:#dcf2e3;color:#14532d;text-decoration:none;font-weight:600;", Style(document, "ins"));
    }

    [Fact]
    public async Task TheHtmlIsOneNarrowColumnWithInlineStylesAndNoExternalAssets()
    {
        var (_, content) = await RenderAsync([New("a")]);

        Assert.Contains(Parse(content.Html).QuerySelectorAll("[style]"), e => InlineStyle.Of(e).Contains("max-width:600px;", StringComparison.Ordinal));
        Assert.DoesNotContain("<style", content.Html);
        Assert.DoesNotContain("<img", content.Html);
        Assert.DoesNotContain("<link", content.Html);
        Assert.DoesNotContain("src=", content.Html);
        Assert.Contains("<meta name=\"viewport\"", content.Html);
    }

    [Fact]
    public async Task TheTextPartShowsWhatChangedWithContext()
    {
        var before = "Officers worked with schools to identify children at risk of exploitation across the county every term.";
        var after = "Officers worked with schools and youth clubs to identify children at risk of exploitation across the county every term.";

        var (_, content) = await RenderAsync([Changed("a", before, after)]);

        Assert.Contains("Officers worked with schools {+and youth clubs+} to identify children at risk of …", content.Text);
        Assert.Contains("<ins style=", content.Html);
        Assert.Contains(">and youth clubs</ins>", content.Html);
    }

    [Fact]
    public async Task AReplacementIsShownAsDeletedThenInsertedWords()
    {
        var (_, content) = await RenderAsync([Changed("a", "The pilot ran for six months.", "The pilot ran for twelve months.")]);

        Assert.Contains("The pilot ran for [-six-] {+twelve+} months.", content.Text);
        Assert.Contains(">six</del> <ins", content.Html);
    }

    [Fact]
    public async Task ACatalogueDiffIsUsedWhenTheTextsAreNotKnown()
    {
        var change = Changed("a", "", "After text.") with { PreviousText = null, DiffPieces = TextDiff.Parse("kept [-old & <bad>-]{+new+} kept").Pieces };

        var (_, content) = await RenderAsync([change]);

        Assert.Contains("kept [-old & <bad>-] {+new+} kept", content.Text);
        Assert.Contains(">old &amp; &lt;bad&gt;</del>", content.Html);
        var deleted = Assert.Single(Parse(content.Html).QuerySelectorAll("del"));
        Assert.Equal(("old & <bad>", "background-color:#fde2e2;color:#8a1c1c;text-decoration:line-through;"), (deleted.TextContent, InlineStyle.Of(deleted)));
    }

    [Fact]
    public async Task TheSubjectCountsUpdatesByKindAndNamesTheBusiestTheme()
    {
        var (_, content) = await RenderAsync([New("a", Victims), Changed("b", "x y", "x z", Violence), Changed("c", "x y", "x z", Violence)]);

        Assert.Equal("3 updates in Tackling violence and exploitation and 1 other theme: 1 new, 2 changed", content.Subject);
    }

    [Fact]
    public async Task ASubjectWithEveryKindOfChangeStaysShort()
    {
        var (_, content) = await RenderAsync([New("a", Victims), Changed("b", "x y", "x z", Violence), Changed("c", "x y", "x z", Violence), Removed("d", Technology)]);

        Assert.Equal("4 updates in Tackling violence\u2026 and 2 other themes: 1 new, 2 changed, 1 removed", content.Subject);
    }

    [Fact]
    public async Task ASubjectWithALongThemeTitleIsShortenedToFit()
    {
        var long1 = New("a") with { Theme = "Working together across policing, criminal justice, health and local government to prevent serious harm" };

        var (_, content) = await RenderAsync([long1, New("a2") with { Theme = long1.Theme }, New("b", Victims), New("c", Technology)]);

        Assert.True(content.Subject.Length <= 90, content.Subject);
        Assert.StartsWith("4 updates in Working together", content.Subject);
        Assert.EndsWith("\u2026 and 2 other themes: 4 new", content.Subject);
    }

    [Fact]
    public async Task NewCaseStudiesShowASummaryCutAtAWordBoundary()
    {
        var text = string.Join(' ', Enumerable.Repeat("Neighbourhood teams shared intelligence daily", 20));

        var (_, content) = await RenderAsync([New("a", text: text)]);

        var summary = content.Text.Split('\n').Single(l => l.StartsWith("Neighbourhood", StringComparison.Ordinal)).TrimEnd('\r');
        Assert.True(summary.Length <= 301, $"{summary.Length}");
        Assert.EndsWith("\u2026", summary);
        Assert.Matches(@"\b(Neighbourhood|teams|shared|intelligence|daily)…$", summary);
    }

    [Fact]
    public async Task EachItemLinksToItsCaseStudyAndNamesItsBriefing()
    {
        var (_, content) = await RenderAsync([New("key with/slash")]);

        Assert.Contains("https://pcc.example.org/case-studies/key%20with%2Fslash", content.Text);
        Assert.Contains("href=\"https://pcc.example.org/case-studies/key%20with%2Fslash\"", content.Html);
        Assert.Contains("No. 3 \u00b7 Public Safety, Public Trust", content.Text);
    }

    [Fact]
    public async Task RemovedCaseStudiesSaySo()
    {
        var (_, content) = await RenderAsync([Removed("a")]);

        Assert.Contains("Removed case study: Case study a", content.Text);
        Assert.Contains("no longer in Public Safety, Public Trust", content.Html);
    }

    [Fact]
    public async Task TheFooterHasThePlaceholdersAndSaysWhichThemesTheReaderFollows()
    {
        var (_, content) = await RenderAsync([New("a")], Violence, Technology);

        Assert.Contains(DigestPlaceholders.ManageUrl, content.Html);
        Assert.Contains(DigestPlaceholders.UnsubscribeUrl, content.Html);
        Assert.Contains($"Unsubscribe: {DigestPlaceholders.UnsubscribeUrl}", content.Text);
        Assert.Contains("You get this email because you follow: Tackling violence and exploitation, Using technology.", content.Text);
    }

    [Fact]
    public async Task EachRecipientGetsTheirOwnLinksAndOneClickUnsubscribeHeaders()
    {
        var (audience, content) = await RenderAsync([New("a")]);
        var bob = Recipient("bob@example.org", Violence);

        var batch = Renderer().CreateBatch(content, [.. audience.Recipients, bob], new EmailAddress("digest@pcc.example.org"));

        Assert.Equal(2, batch.Recipients.Count);
        var second = batch.Recipients[1];
        Assert.Equal(bob.UnsubscribeUrl, second.Substitutions[DigestPlaceholders.UnsubscribeUrl]);
        Assert.Equal(bob.ManageUrl, second.Substitutions[DigestPlaceholders.ManageUrl]);
        Assert.Equal($"<{bob.UnsubscribeUrl}>", second.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", second.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("digest", batch.Category);
    }

    [Fact]
    public async Task AWindowInSummerIsDescribedInUkTime()
    {
        var window = DigestSchedule.WindowEndingAt(DigestFrequency.Daily, new DateTimeOffset(2026, 6, 15, 6, 30, 0, TimeSpan.Zero));
        var audience = Assert.Single(DigestPlanner.Plan(window, [New("a")], [Recipient("ann@example.org", Violence)]).Audiences);

        var content = await Renderer().RenderAsync(window, audience);

        Assert.Contains("Changes from Sun 14 Jun 2026 07:30 to Mon 15 Jun 2026 07:30 (UK time)", content.Text);
    }
}
