using static Pcc.Functions.Pages.Html;

namespace Pcc.Functions.Pages.Readers;

/// <summary>The page for anything that is not there.</summary>
public static class NotFoundPage
{
    /// <summary>A 404 page saying what was not found.</summary>
    public static WebPage Render(string what) => new("Not found", "This page does not exist.",
        $"<h1>Not found</h1><p>{Encode(what)}</p><p><a href=\"/\">Go to the home page</a> or <a href=\"/search\">search the case studies</a>.</p>",
        Status: StatusCodes.Status404NotFound);
}
