using Pcc.Briefings.Themes;
using Pcc.Functions.Pages.Readers;
using Pcc.Catalogue.Search;

namespace Pcc.Functions.Pages;

/// <summary><c>GET /search?q=…&amp;theme=…&amp;changed-since=yyyy-MM-dd</c>: search over the catalogue.</summary>
public sealed class SearchPages(CatalogueSearch search, ThemeTaxonomy taxonomy)
{
    /// <summary>The search form and, when asked, the results.</summary>
    [Function("SearchPage")]
    public async Task<IResult> SearchAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "search")] HttpRequest request, CancellationToken cancellationToken)
    {
        var query = SearchQuery.Parse(request.Query["q"], request.Query["theme"], request.Query["changed-since"], out var error);
        if (query.Theme is not null && taxonomy.Find(query.Theme) is not { Listed: true })
        {
            query = query with { Theme = null };
            error = "Choose a theme from the list.";
        }

        var results = error is null ? await search.SearchAsync(query, cancellationToken) : new SearchResults(query, 0, []);
        return SearchPage.Render(results, taxonomy, error);
    }
}
