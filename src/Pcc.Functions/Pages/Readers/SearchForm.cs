using System.Globalization;
using System.Text;
using Pcc.Briefings.Themes;
using static Pcc.Functions.Pages.Html;

namespace Pcc.Functions.Pages.Readers;

/// <summary>The search form (GET, so a search is a link one can share).</summary>
public static class SearchForm
{
    /// <summary>The form filled with the current values; <paramref name="compact"/> shows only the words box.</summary>
    public static string Render(string? text, string? theme, DateOnly? changedSince, ThemeTaxonomy taxonomy, bool compact = false)
    {
        var html = new StringBuilder("<form method=\"get\" action=\"/search\" role=\"search\">")
            .Append("<div class=\"field\"><label for=\"q\">Search case studies</label>")
            .Append("<input type=\"search\" id=\"q\" name=\"q\" value=\"").Append(Encode(text)).Append("\" maxlength=\"200\"></div>");
        if (!compact)
        {
            html.Append("<div class=\"field\"><label for=\"theme\">Theme</label><select id=\"theme\" name=\"theme\"><option value=\"\">Every theme</option>");
            foreach (var t in taxonomy.Themes.Where(t => t.Listed))
            {
                html.Append("<option value=\"").Append(Encode(t.Slug)).Append('"').Append(t.Slug == theme ? " selected" : "").Append('>')
                    .Append(Encode(t.Name)).Append("</option>");
            }

            html.Append("</select></div><div class=\"field\"><label for=\"changed-since\">Changed since</label>")
                .Append("<input type=\"date\" id=\"changed-since\" name=\"changed-since\" value=\"")
                .Append(changedSince?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "").Append("\"></div>");
        }

        return html.Append("<button type=\"submit\">Search</button></form>").ToString();
    }
}
