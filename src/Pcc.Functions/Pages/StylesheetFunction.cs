using Microsoft.Net.Http.Headers;

namespace Pcc.Functions.Pages;

/// <summary>
/// <c>GET /site.css</c>: the pages' stylesheet (<see cref="SiteStyle"/>). Asked for with the current version in the
/// query, as every page links it, it may be cached for a year; otherwise it is revalidated by its ETag.
/// </summary>
public sealed class StylesheetFunction
{
    /// <summary>The stylesheet, or 304 when the browser's copy is current.</summary>
    [Function("Stylesheet")]
    public IResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "site.css")] HttpRequest request)
    {
        var etag = new EntityTagHeaderValue($"\"{SiteStyle.Version}\"");
        var response = request.HttpContext.Response;
        response.Headers.ETag = etag.ToString();
        response.Headers.CacheControl = request.Query["v"] == SiteStyle.Version ? "public, max-age=31536000, immutable" : "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        var current = EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var sent) && sent.Any(e => e.Compare(etag, useStrongComparison: false));
        return current ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Text(SiteStyle.Css, "text/css; charset=utf-8");
    }
}
