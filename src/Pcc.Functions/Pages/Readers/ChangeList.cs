using System.Text;
using Pcc.Catalogue.Reading.Models;
using static Pcc.Functions.Pages.Html;

namespace Pcc.Functions.Pages.Readers;

/// <summary>A list of changes: what happened, to which case study, in which theme, when.</summary>
public static class ChangeList
{
    /// <summary>The changes as a list, in the order given.</summary>
    public static string Render(IEnumerable<ChangeView> changes, bool showTheme = true)
    {
        var html = new StringBuilder("<ul class=\"items\">");
        foreach (var c in changes)
        {
            html.Append("<li><span class=\"tag\">").Append(KindLabel(c.Kind)).Append("</span> ")
                .Append("<a href=\"/case-studies/").Append(Segment(c.Key)).Append("\">").Append(Encode(c.Title)).Append("</a>")
                .Append("<p class=\"meta\">");
            if (showTheme)
            {
                html.Append("<a href=\"/themes/").Append(Segment(c.ThemeSlug)).Append("\">").Append(Encode(c.Theme)).Append("</a> · ");
            }

            html.Append("<a href=\"/briefings/").Append(Segment(c.Briefing)).Append("\">").Append(Encode(c.Briefing)).Append("</a> version ")
                .Append(c.Version).Append(" · ").Append(Time(c.IngestedAt)).Append("</p></li>");
        }

        return html.Append("</ul>").ToString();
    }
}
