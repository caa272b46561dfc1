using System.Text;
using Pcc.Briefings.Themes;
using Pcc.Catalogue.Search;
using static Pcc.Functions.Pages.Html;

namespace Pcc.Functions.Pages.Readers;

/// <summary><c>/search</c>: the form, and the matching case studies newest first with the matches marked.</summary>
public static class SearchPage
{
    /// <summary>Renders the form and, when something was asked, the results (or the date's error).</summary>
    public static WebPage Render(SearchResults results, ThemeTaxonomy taxonomy, string? error)
    {
        var query = results.Query;
        var html = new StringBuilder("<h1>Search</h1><p>Every word must appear in a case study's title or text; case and accents do not matter, and a word also finds longer ones (<em>polic</em> finds <em>policing</em>).</p>");
        if (error is not null)
        {
            html.Append("<div role=\"alert\"><p>").Append(Encode(error)).Append("</p></div>");
        }

        html.Append(SearchForm.Render(query.Text, query.Theme, query.ChangedSince, taxonomy));
        if (!query.IsEmpty && error is null)
        {
            html.Append("<h2>").Append(Count(results.Total, "case study", "case studies")).Append(" found</h2>");
            if (results.Total > results.Hits.Count)
            {
                html.Append("<p class=\"meta\">The newest ").Append(results.Hits.Count).Append(" are shown; add words to narrow the search.</p>");
            }

            html.Append("<ul class=\"items\">");
            foreach (var hit in results.Hits)
            {
                var c = hit.CaseStudy;
                html.Append("<li><h3><a href=\"/case-studies/").Append(Segment(c.Key)).Append("\">").Append(Highlighted(hit.Title)).Append("</a></h3>")
                    .Append("<p class=\"meta\"><a href=\"/themes/").Append(Segment(c.ThemeSlug)).Append("\">").Append(Encode(c.Theme)).Append("</a> · ")
                    .Append(CaseStudyMeta.Line(c)).Append("</p><p>").Append(Highlighted(hit.Excerpt)).Append("</p></li>");
            }

            html.Append("</ul>");
        }

        var title = query.Text is { Length: > 0 } words && error is null ? $"Search: {words}" : "Search";
        return new WebPage(title, "Search the policing innovation case studies by words, theme and date of change.", html.ToString(),
            Status: error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
