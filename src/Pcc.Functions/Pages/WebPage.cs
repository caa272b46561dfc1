using System.Text;

namespace Pcc.Functions.Pages;

/// <summary>
/// A server-rendered page as an ASP.NET Core result. Pages carry no scripts; the headers forbid them, framing and
/// forms posting elsewhere. Pages reached with a token in the link (<paramref name="Private"/>) are never cached,
/// send no referrer and ask not to be indexed.
/// </summary>
public sealed record WebPage(string Title, string Description, string MainHtml, IReadOnlyList<FeedLink>? Feeds = null,
    int Status = StatusCodes.Status200OK, bool Private = false) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    /// <inheritdoc />
    public int? StatusCode => Status;

    /// <inheritdoc />
    public string ContentType => "text/html; charset=utf-8";

    /// <summary>The whole document.</summary>
    public string Render() => PageLayout.Document(Title, Description, MainHtml, Feeds, noIndex: Private);

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = Status;
        response.ContentType = ContentType;
        response.Headers.CacheControl = Private ? "no-store" : "no-cache";
        response.Headers["Referrer-Policy"] = Private ? "no-referrer" : "strict-origin-when-cross-origin";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        return response.WriteAsync(Render(), Encoding.UTF8, httpContext.RequestAborted);
    }
}
