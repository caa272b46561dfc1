using System.Text;
using Pcc.Briefings.Themes;
using Pcc.Catalogue.Reading.Models;
using static Pcc.Functions.Pages.Html;

namespace Pcc.Functions.Pages.Readers;

/// <summary>
/// <c>/case-studies/{key}</c>: the text, theme, number and source briefings of a case study, and its history with
/// word-level changes highlighted. Every link in an email leads here.
/// </summary>
public static class CaseStudyPage
{
    /// <summary>Renders a case study's page.</summary>
    public static WebPage Render(CaseStudyDetail detail, ThemeTaxonomy taxonomy)
    {
        var latest = detail.History[0];
        var title = detail.Current?.Title ?? latest.Title;
        var themeSlug = detail.Current?.ThemeSlug ?? latest.ThemeSlug;
        var theme = taxonomy.Find(themeSlug);
        var html = new StringBuilder()
            .Append("<p class=\"meta\"><a href=\"/themes/").Append(Segment(themeSlug)).Append("\">")
            .Append(Encode(theme?.Name ?? detail.Current?.Theme ?? themeSlug)).Append("</a></p>")
            .Append("<h1>").Append(Encode(title)).Append("</h1>");
        if (detail.Current is { } current)
        {
            html.Append("<p class=\"meta\">").Append(CaseStudyMeta.Line(current)).Append("</p>");
            if (current.Location is { Length: > 0 } location)
            {
                html.Append("<p class=\"meta\">Found at ").Append(Encode(location)).Append("</p>");
            }

            html.Append(Paragraphs(current.Text));
        }
        else
        {
            html.Append("<p role=\"status\">This case study was removed from ").Append(Encode(latest.Briefing))
                .Append(" in version ").Append(latest.Version).Append(" (").Append(Date(latest.IngestedAt))
                .Append(") and is no longer in any current briefing. Its last text was:</p>")
                .Append(Paragraphs(latest.Text));
        }

        html.Append("<h2>History</h2><ol class=\"items\" reversed>");
        foreach (var h in detail.History)
        {
            html.Append("<li><h3>").Append(KindLabel(h.Kind)).Append(" in ")
                .Append("<a href=\"/briefings/").Append(Segment(h.Briefing)).Append("\">").Append(Encode(h.Briefing)).Append("</a> version ").Append(h.Version)
                .Append("</h3><p class=\"meta\">").Append(Time(h.IngestedAt)).Append("</p>");
            if (h.Kind == "changed" && h.Diff is { } diff)
            {
                html.Append("<p>").Append(DiffHtml(diff)).Append("</p>");
            }

            html.Append("</li>");
        }

        html.Append("</ol>");
        var description = ThemePage.Excerpt(detail.Current?.Text ?? latest.Text, 150);
        return new WebPage(title, description, html.ToString(), theme is null ? null : [FeedLinks.Theme(theme), FeedLinks.All]);
    }
}
