using System.Text;
using static Pcc.Functions.Pages.Html;

namespace Pcc.Functions.Pages;

/// <summary>The frame every page shares: head (title, description, feeds, style), header with navigation, footer.</summary>
public static class PageLayout
{
    /// <summary>The site's name, in every title.</summary>
    public const string SiteName = "Policing Innovation Catalogue";

    /// <summary>
    /// The whole document. <paramref name="title"/> and <paramref name="description"/> are plain text;
    /// <paramref name="mainHtml"/> is the content of <c>&lt;main&gt;</c>, its <c>&lt;h1&gt;</c> included.
    /// </summary>
    public static string Document(string title, string description, string mainHtml, IReadOnlyList<FeedLink>? feeds = null, bool noIndex = false)
    {
        var html = new StringBuilder(mainHtml.Length + 4096)
            .Append("<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(title == SiteName ? title : $"{title} – {SiteName}")).Append("</title>")
            .Append("<meta name=\"description\" content=\"").Append(Encode(description)).Append("\">");
        if (noIndex)
        {
            html.Append("<meta name=\"robots\" content=\"noindex\">");
        }

        foreach (var feed in feeds ?? [FeedLinks.All])
        {
            html.Append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"").Append(Encode(feed.Title))
                .Append("\" href=\"").Append(Encode(feed.Path)).Append("\">");
        }

        return html.Append("<style>").Append(SiteStyle.Css).Append("</style></head><body>")
            .Append("<a class=\"skip\" href=\"#content\">Skip to content</a>")
            .Append("<header><div class=\"wrap\"><a class=\"site\" href=\"/\">").Append(SiteName).Append("</a>")
            .Append("<nav aria-label=\"Site\"><ul><li><a href=\"/briefings\">Briefings</a></li><li><a href=\"/summaries\">Weekly summaries</a></li>")
            .Append("<li><a href=\"/search\">Search</a></li><li><a href=\"/subscribe\">Subscribe</a></li></ul></nav></div></header>")
            .Append("<main id=\"content\" class=\"wrap\">").Append(mainHtml).Append("</main>")
            .Append("<footer><div class=\"wrap\">Case studies of innovation in policing and criminal justice, taken from published briefings. ")
            .Append("<a href=\"/feeds/all.atom\">Atom feed of all changes</a> · <a href=\"/editor\">Editors</a></div></footer>")
            .Append("</body></html>").ToString();
    }
}
