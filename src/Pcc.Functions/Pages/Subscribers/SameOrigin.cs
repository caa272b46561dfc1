namespace Pcc.Functions.Pages.Subscribers;

/// <summary>
/// Refuses form posts another site makes a browser send (cross-site request forgery). Browsers say where a request
/// comes from in <c>Sec-Fetch-Site</c>, or failing that <c>Origin</c>; a request with neither is not from a browser
/// form and is allowed, like the JSON API.
/// </summary>
public static class SameOrigin
{
    /// <summary>Whether the request may change state.</summary>
    public static bool Allows(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin" or "none";
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
