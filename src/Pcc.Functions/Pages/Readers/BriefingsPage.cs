using System.Text;
using Pcc.Catalogue.Reading.Models;
using static Pcc.Functions.Pages.Html;

namespace Pcc.Functions.Pages.Readers;

/// <summary><c>/briefings</c>: every briefing with its current version.</summary>
public static class BriefingsPage
{
    /// <summary>Renders the list.</summary>
    public static WebPage Render(IReadOnlyList<BriefingSummary> briefings)
    {
        var html = new StringBuilder("<h1>Briefings</h1><p>The documents the case studies come from. Each new version is compared with the one before.</p>");
        if (briefings.Count == 0)
        {
            html.Append("<p>No briefing has been published yet.</p>");
        }
        else
        {
            html.Append("<div class=\"table\"><table><thead><tr><th scope=\"col\">Briefing</th><th scope=\"col\">Case studies</th>")
                .Append("<th scope=\"col\">Version</th><th scope=\"col\">Updated</th></tr></thead><tbody>");
            foreach (var b in briefings.OrderByDescending(b => b.UpdatedAt))
            {
                html.Append("<tr><td><a href=\"/briefings/").Append(Segment(b.Slug)).Append("\">").Append(Encode(b.Title.Length > 0 ? b.Title : b.Slug)).Append("</a></td>")
                    .Append("<td>").Append(b.CaseStudies).Append("</td><td>").Append(b.CurrentVersion).Append("</td><td>").Append(Date(b.UpdatedAt)).Append("</td></tr>");
            }

            html.Append("</tbody></table></div>");
        }

        return new WebPage("Briefings", "The briefings the policing innovation case studies come from, with their versions.", html.ToString());
    }
}
