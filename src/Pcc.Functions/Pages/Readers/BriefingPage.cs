using System.Text;
using Pcc.Catalogue.Reading.Models;
using Pcc.Catalogue.Storage;
using static Pcc.Functions.Pages.Html;

namespace Pcc.Functions.Pages.Readers;

/// <summary><c>/briefings/{slug}</c>: a briefing's versions with their counts, and its current case studies.</summary>
public static class BriefingPage
{
    /// <summary>Renders a briefing's page.</summary>
    public static WebPage Render(BriefingView briefing, IReadOnlyList<BriefingCaseStudyEntity> caseStudies)
    {
        var title = briefing.Title.Length > 0 ? briefing.Title : briefing.Slug;
        var html = new StringBuilder("<h1>").Append(Encode(title)).Append("</h1>")
            .Append("<p class=\"meta\">Uploaded as ").Append(Encode(briefing.BlobName)).Append(" · current version ").Append(briefing.CurrentVersion).Append("</p>")
            .Append("<h2>Versions</h2>");
        if (briefing.Versions.Count == 0)
        {
            html.Append("<p>No version could be read yet.</p>");
        }
        else
        {
            html.Append("<div class=\"table\"><table><thead><tr><th scope=\"col\">Version</th><th scope=\"col\">Ingested</th><th scope=\"col\">Case studies</th>")
                .Append("<th scope=\"col\">Changes</th></tr></thead><tbody>");
            foreach (var v in briefing.Versions.OrderByDescending(v => v.Version))
            {
                html.Append("<tr><td>").Append(v.Version).Append("</td><td>").Append(Time(v.IngestedAt)).Append("</td><td>").Append(v.CaseStudies)
                    .Append("</td><td>").Append(v.New).Append(" new, ").Append(v.Changed).Append(" changed, ").Append(v.Removed).Append(" removed</td></tr>");
            }

            html.Append("</tbody></table></div>");
        }

        // A reader's page: unpublished uploads are only counted; what they held is on the editor pages.
        if (briefing.FailedUploads + briefing.HeldVersions > 0)
        {
            html.Append("<p class=\"meta\">Not published: ").Append(Count(briefing.FailedUploads, "upload that could not be read", "uploads that could not be read"))
                .Append(briefing.FailedUploads > 0 && briefing.HeldVersions > 0 ? ", " : "")
                .Append(Count(briefing.HeldVersions, "version held for review", "versions held for review")).Append(".</p>");
        }

        html.Append("<h2>Case studies</h2>");
        if (caseStudies.Count == 0)
        {
            html.Append("<p>None in the current version.</p>");
        }
        else
        {
            html.Append("<ul>");
            foreach (var c in caseStudies)
            {
                html.Append("<li><a href=\"/case-studies/").Append(Segment(c.Key)).Append("\">").Append(Encode(c.Title)).Append("</a> <span class=\"meta\">")
                    .Append(Encode(c.Theme)).Append("</span></li>");
            }

            html.Append("</ul>");
        }

        return new WebPage(title, $"Versions and case studies of the briefing {title}.", html.ToString());
    }

    private static string Count(int n, string one, string many) => n switch { 0 => "", 1 => $"1 {one}", _ => $"{n} {many}" };
}
