using Microsoft.Net.Http.Headers;

namespace Pcc.Functions.Subscriptions;

/// <summary>Content negotiation for links people open in a browser that scripts also call for JSON.</summary>
public static class BrowserRequest
{
    /// <summary>
    /// True when <c>Accept</c> asks for <c>text/html</c> ahead of <c>application/json</c> (higher quality, or the same
    /// quality and listed first) or without it, as a browser does; false with no <c>Accept</c>, so scripts get JSON.
    /// </summary>
    public static bool PrefersHtml(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        var html = IndexOf(accept, "text/html");
        var json = IndexOf(accept, "application/json");
        if (html < 0)
        {
            return false;
        }

        if (json < 0)
        {
            return true;
        }

        var (htmlQuality, jsonQuality) = (accept[html].Quality ?? 1, accept[json].Quality ?? 1);
        return htmlQuality > jsonQuality || (htmlQuality == jsonQuality && html < json);
    }

    // A type listed with q=0 is refused, so it counts as not listed.
    private static int IndexOf(IList<MediaTypeHeaderValue> accept, string mediaType)
    {
        for (var i = 0; i < accept.Count; i++)
        {
            if (accept[i].MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase) && accept[i].Quality is not 0)
            {
                return i;
            }
        }

        return -1;
    }
}
