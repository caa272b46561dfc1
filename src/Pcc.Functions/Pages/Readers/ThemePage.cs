using System.Text;
using Pcc.Briefings.Themes;
using Pcc.Catalogue.Reading.Models;
using static Pcc.Functions.Pages.Html;

namespace Pcc.Functions.Pages.Readers;

/// <summary><c>/themes/{slug}</c>: a theme's case studies, most recently changed first.</summary>
public static class ThemePage
{
    /// <summary>Renders a theme's page.</summary>
    public static WebPage Render(Theme theme, IReadOnlyList<CaseStudyView> caseStudies)
    {
        var html = new StringBuilder()
            .Append("<h1>").Append(Encode(theme.Name)).Append("</h1>");
        if (theme.Description.Length > 0)
        {
            html.Append("<p>").Append(Encode(theme.Description)).Append("</p>");
        }

        html.Append("<p class=\"meta\">").Append(Count(caseStudies.Count, "case study", "case studies"))
            .Append(", most recently changed first. <a href=\"/feeds/themes/").Append(Segment(theme.Slug)).Append(".atom\">Atom feed of this theme</a> · ")
            .Append("<a href=\"/search?theme=").Append(Segment(theme.Slug)).Append("\">Search this theme</a></p>");
        if (caseStudies.Count == 0)
        {
            html.Append("<p>No case study in this theme yet.</p>");
        }
        else
        {
            html.Append("<ul class=\"items\">");
            foreach (var c in caseStudies.OrderByDescending(c => c.LastChanged).ThenBy(c => c.Number ?? int.MaxValue))
            {
                html.Append("<li><h2><a href=\"/case-studies/").Append(Segment(c.Key)).Append("\">").Append(Encode(c.Title)).Append("</a></h2>")
                    .Append("<p class=\"meta\">").Append(CaseStudyMeta.Line(c)).Append("</p>")
                    .Append("<p>").Append(Encode(Excerpt(c.Text, 240))).Append("</p></li>");
            }

            html.Append("</ul>");
        }

        return new WebPage(theme.Name, $"Case studies of {theme.Name.ToLowerInvariant()} in policing and criminal justice.", html.ToString(),
            [FeedLinks.Theme(theme), FeedLinks.All]);
    }

    /// <summary>The start of a text, cut at a word, with "…" when cut.</summary>
    public static string Excerpt(string text, int length)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= length ? flat : flat[..(flat.LastIndexOf(' ', length) is > 0 and var cut ? cut : length)] + " …";
    }
}
