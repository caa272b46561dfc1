using System.Text.Json;
using AngleSharp.Html.Parser;
using Pcc.Notifications.Digests;
using Pcc.Notifications.Digests.Weekly;
using Pcc.Notifications.Email;
using Pcc.Notifications.Email.Html;
using Pcc.Notifications.Tests.Email;
using static Pcc.Notifications.Tests.Digests.Samples;

namespace Pcc.Notifications.Tests.Digests;

public sealed class WeeklySummaryTests
{
    private static readonly DigestOptions s_options = new() { PublicBaseUrl = "https://pcc.example.org" };

    // ISO week 48 of 2026: Monday 23 to Sunday 29 November.
    private static DateTimeOffset InWeek(int day, int hour) => new(2026, 11, 23 + day, hour, 0, 0, TimeSpan.Zero);

    private static WeeklySummary Build() => WeeklySummary.Build(
        2026, 48,
        [
            new WeeklyBriefing("public-safety-public-trust", "Public Safety, Public Trust", 2, InWeek(1, 9), 24),
            new WeeklyBriefing("older", "Last week's briefing", 1, InWeek(-1, 9), 10),
        ],
        [
            New("a", Violence, title: "Knife <crime> & schools", at: InWeek(1, 9)),
            New("b", Violence, at: InWeek(1, 9)),
            Changed("c", "x y", "x z", Violence, at: InWeek(1, 9)),
            Changed("d", "x y", "x z", Victims, at: InWeek(2, 9)),
            New("e", Technology, at: InWeek(3, 9)),
            Removed("e", Technology, at: InWeek(4, 9)),
            New("late", Victims, at: InWeek(7, 0)),
        ],
        s_options);

    [Fact]
    public void AWeekIsMondayToMondayInUkTime()
    {
        var (start, end) = WeeklySummary.PeriodOf(2026, 13);

        Assert.Equal(new DateTimeOffset(2026, 3, 23, 0, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 23, 0, 0, TimeSpan.Zero), end);
        Assert.Equal((2026, 48), WeeklySummary.WeekOf(InWeek(6, 23)));
        Assert.Equal((2026, 53), WeeklySummary.WeekOf(new DateTimeOffset(2027, 1, 1, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void TheSummaryCountsEachThemesChangesAndHighlightsTheBusiest()
    {
        var summary = Build();

        Assert.Equal("2026-W48", summary.Id);
        Assert.Equal(["Public Safety, Public Trust"], summary.Briefings.Select(b => b.Title));
        Assert.Equal([(Violence, 2, 1, 0), (Victims, 0, 1, 0)], summary.Themes.Select(t => (t.ThemeSlug, t.New, t.Changed, t.Removed)));
        Assert.Equal(Violence, summary.MostChangedThemes[0].ThemeSlug);
        Assert.Equal(["a", "b"], summary.NewCaseStudies.Select(c => c.Key));
        Assert.Equal("https://pcc.example.org/case-studies/a", summary.NewCaseStudies[0].Url);
    }

    [Fact]
    public async Task TheSummaryRendersAsEscapedHtmlJsonAndAnEmailToEditors()
    {
        var summary = Build();

        var html = await WeeklySummaryRenderer.ToHtmlAsync(summary, EmailHtmlRenderer.Standalone);
        using var json = JsonDocument.Parse(WeeklySummaryRenderer.ToJson(summary));
        var batch = await WeeklySummaryRenderer.CreateBatchAsync(summary, ["editor@pcc.example.org"], new EmailAddress("digest@pcc.example.org"), EmailHtmlRenderer.Standalone);

        Assert.Contains("Knife &lt;crime&gt; &amp; schools", html);
        Assert.DoesNotContain("<crime>", html);
        Assert.Contains("Most changed: Tackling violence and exploitation (3); Supporting victims (1).", batch.Text);
        Assert.Equal(4, json.RootElement.GetProperty("new").GetInt32() + json.RootElement.GetProperty("changed").GetInt32());
        Assert.Equal("2026-W48", json.RootElement.GetProperty("id").GetString());
        Assert.Equal("Week 48 of 2026: 1 briefing, 2 new, 2 changed, 0 removed", batch.Subject);
        Assert.Equal("editor@pcc.example.org", Assert.Single(batch.Recipients).To.Address);
    }

    [Fact]
    public async Task ThemeAndBriefingNamesThatLookLikeMarkupStayTextAndTheTableIsStyledInline()
    {
        const string Theme = "Youth \"diversion\" & <b>prevention</b>";
        var summary = WeeklySummary.Build(
            2026, 48,
            [new WeeklyBriefing("b", "<script>alert(1)</script>", 1, InWeek(1, 9), 3)],
            [New("a", Violence, at: InWeek(1, 9)) with { Theme = Theme }],
            s_options);

        var html = await WeeklySummaryRenderer.ToHtmlAsync(summary, EmailHtmlRenderer.Standalone);

        Assert.Contains("Youth \"diversion\" &amp; &lt;b&gt;prevention&lt;/b&gt;", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; (version 1, 3 case studies)", html);
        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script, b, style, [class]"));
        var cells = document.QuerySelectorAll("table table table td");
        Assert.Equal([Theme, "1", "0", "0"], cells.Select(c => c.TextContent));
        Assert.Equal("padding:4px 8px;border-bottom:1px solid #e5e7eb;text-align:left;", InlineStyle.Of(cells[0]));
        Assert.Equal("padding:4px 8px;border-bottom:1px solid #e5e7eb;text-align:right;", InlineStyle.Of(cells[1]));
        Assert.Contains("font-size:18px;", InlineStyle.Of(document.QuerySelector("h2")));
    }
}
