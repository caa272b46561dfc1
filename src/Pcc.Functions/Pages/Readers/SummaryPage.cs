using System.Text;
using Pcc.Notifications.Digests.Weekly;
using static Pcc.Functions.Pages.Html;

namespace Pcc.Functions.Pages.Readers;

/// <summary><c>/summaries/{week}</c>: one week's summary.</summary>
public static class SummaryPage
{
    /// <summary>Renders a stored summary.</summary>
    public static WebPage Render(WeeklySummary summary)
    {
        var html = new StringBuilder("<h1>Week ").Append(Encode(summary.Id)).Append("</h1>")
            .Append("<p class=\"meta\">").Append(Date(summary.Start)).Append(" to ").Append(Date(summary.End.AddDays(-1))).Append("</p>")
            .Append("<p>").Append(Count(summary.New, "new case study", "new case studies")).Append(", ")
            .Append(Count(summary.Changed, "changed", "changed")).Append(", ").Append(Count(summary.Removed, "removed", "removed")).Append(".</p>");
        if (summary.Briefings.Count > 0)
        {
            html.Append("<h2>Briefings published</h2><ul>");
            foreach (var b in summary.Briefings)
            {
                html.Append("<li><a href=\"/briefings/").Append(Segment(b.Briefing)).Append("\">").Append(Encode(b.Title.Length > 0 ? b.Title : b.Briefing))
                    .Append("</a> version ").Append(b.Version).Append(", ").Append(Count(b.CaseStudies, "case study", "case studies")).Append("</li>");
            }

            html.Append("</ul>");
        }

        if (summary.Themes.Count > 0)
        {
            html.Append("<h2>By theme</h2><div class=\"table\"><table><thead><tr><th scope=\"col\">Theme</th><th scope=\"col\">New</th><th scope=\"col\">Changed</th><th scope=\"col\">Removed</th></tr></thead><tbody>");
            foreach (var t in summary.Themes)
            {
                html.Append("<tr><td><a href=\"/themes/").Append(Segment(t.ThemeSlug)).Append("\">").Append(Encode(t.Theme)).Append("</a></td><td>")
                    .Append(t.New).Append("</td><td>").Append(t.Changed).Append("</td><td>").Append(t.Removed).Append("</td></tr>");
            }

            html.Append("</tbody></table></div>");
        }

        if (summary.NewCaseStudies.Count > 0)
        {
            html.Append("<h2>New case studies</h2><ul>");
            foreach (var c in summary.NewCaseStudies)
            {
                html.Append("<li><a href=\"/case-studies/").Append(Segment(c.Key)).Append("\">").Append(Encode(c.Title)).Append("</a> <span class=\"meta\">")
                    .Append(Encode(c.Theme)).Append("</span></li>");
            }

            html.Append("</ul>");
        }

        return new WebPage($"Week {summary.Id}", $"What changed in the policing innovation catalogue in week {summary.Id}.", html.ToString());
    }
}
