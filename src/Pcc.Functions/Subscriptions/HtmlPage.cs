using System.Net;
using System.Text;

namespace Pcc.Functions.Subscriptions;

/// <summary>
/// A small self-contained HTML page: inline CSS, readable on a phone, no scripts. The body is HTML the caller built
/// with every piece of text encoded (<see cref="Encode"/>). Sent with headers that keep tokens in the URL from leaking
/// (no referrer, no caching) and forbid scripts, framing and forms posting elsewhere.
/// </summary>
public sealed class HtmlPage : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    private const string Style =
        "body{font:1.05rem/1.55 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1b1b1b;background:#fff;max-width:36rem;margin:0 auto;padding:1.5rem 1rem}" +
        "h1{font-size:1.4rem;line-height:1.25}a{color:#1d4f91}ul{padding-left:1.2rem}" +
        "fieldset{border:0;padding:0;margin:0 0 1.2rem}legend{font-weight:600;padding:0}label{display:block;padding:.25rem 0}" +
        "[role=alert]{color:#a4000f}" +
        "button{font:inherit;padding:.65rem 1.3rem;border:0;border-radius:.35rem;background:#1d4f91;color:#fff;cursor:pointer}";

    private readonly string _title;
    private readonly string _body;

    /// <summary>A page titled <paramref name="title"/> (plain text) with <paramref name="bodyHtml"/> under the heading.</summary>
    public HtmlPage(string title, string bodyHtml, int statusCode = StatusCodes.Status200OK)
    {
        _title = title;
        _body = bodyHtml;
        StatusCode = statusCode;
    }

    /// <inheritdoc />
    public int? StatusCode { get; }

    /// <inheritdoc />
    public string ContentType => "text/html; charset=utf-8";

    /// <summary>HTML-encodes text for an element or a quoted attribute.</summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The whole document.</summary>
    public string Render() =>
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">" +
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{Encode(_title)}</title><style>{Style}</style></head>" +
        $"<body><main><h1>{Encode(_title)}</h1>{_body}</main></body></html>";

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode ?? StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        return response.WriteAsync(Render(), Encoding.UTF8, httpContext.RequestAborted);
    }
}
