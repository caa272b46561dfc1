using System.Net;
using Pcc.Functions.Pages;

namespace Pcc.Functions.Subscriptions;

/// <summary>
/// A page people reach from a subscription email, in the site's layout (<see cref="PageLayout"/>). The body is HTML
/// the caller built with every piece of text encoded (<see cref="Encode"/>). The link carries a token, so the page is
/// sent as a private <see cref="WebPage"/>: no referrer, no caching, not indexed.
/// </summary>
public sealed class HtmlPage : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    private readonly WebPage _page;

    /// <summary>A page titled <paramref name="title"/> (plain text) with <paramref name="bodyHtml"/> under the heading.</summary>
    public HtmlPage(string title, string bodyHtml, int statusCode = StatusCodes.Status200OK) =>
        _page = new WebPage(title, $"{title}: your subscription to the {PageLayout.SiteName}.", $"<h1>{Encode(title)}</h1>{bodyHtml}", Status: statusCode, Private: true);

    /// <inheritdoc />
    public int? StatusCode => _page.StatusCode;

    /// <inheritdoc />
    public string ContentType => _page.ContentType;

    /// <summary>HTML-encodes text for an element or a quoted attribute.</summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The whole document.</summary>
    public string Render() => _page.Render();

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext) => _page.ExecuteAsync(httpContext);
}
