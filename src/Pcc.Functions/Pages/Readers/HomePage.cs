using System.Text;
using Pcc.Briefings.Themes;
using Pcc.Catalogue.Reading.Models;
using static Pcc.Functions.Pages.Html;

namespace Pcc.Functions.Pages.Readers;

/// <summary><c>/</c>: what the catalogue is, its themes with counts, and the latest changes.</summary>
public static class HomePage
{
    /// <summary>Renders the home page.</summary>
    public static WebPage Render(IReadOnlyList<ThemeView> themes, IReadOnlyList<ChangeView> latest, ThemeTaxonomy taxonomy)
    {
        var html = new StringBuilder()
            .Append("<h1>").Append(PageLayout.SiteName).Append("</h1>")
            .Append("<p>Case studies of innovation in policing and criminal justice, taken from the briefings for Police and Crime ")
            .Append("Commissioners and their write-ups. Each case study is kept up to date as new versions of a briefing are published, ")
            .Append("and every change is recorded.</p>")
            .Append(SearchForm.Render("", null, null, taxonomy, compact: true))
            .Append("<h2>Themes</h2><ul class=\"items\">");
        foreach (var theme in themes)
        {
            html.Append("<li><a href=\"/themes/").Append(Segment(theme.Slug)).Append("\">").Append(Encode(theme.Name)).Append("</a>")
                .Append("<p class=\"meta\">").Append(Count(theme.CaseStudies, "case study", "case studies"));
            if (taxonomy.Find(theme.Slug)?.Description is { Length: > 0 } description)
            {
                html.Append(" · ").Append(Encode(description));
            }

            html.Append("</p></li>");
        }

        html.Append("</ul><h2>Latest changes</h2>");
        html.Append(latest.Count == 0 ? "<p>No briefing has been published yet.</p>" : ChangeList.Render(latest));
        html.Append("<p><a href=\"/subscribe\">Get an email when case studies in your themes change</a>, or follow the ")
            .Append("<a href=\"/feeds/all.atom\">Atom feed</a>.</p>");
        return new WebPage(PageLayout.SiteName,
            "Case studies of innovation in policing and criminal justice, by theme, kept up to date from published briefings.",
            html.ToString());
    }
}
