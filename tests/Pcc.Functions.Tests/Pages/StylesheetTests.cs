using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Pcc.Functions.Tests.Ingestion;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Pages;

/// <summary>Every page links the one stylesheet, served on its own address, and allows no inline style.</summary>
[Collection(IngestionCollection.Name)]
public sealed class StylesheetTests(AppFixture app)
{
    [Fact]
    public async Task APageLinksTheStylesheetAndItsPolicyAllowsOnlyThat()
    {
        using var response = await app.Http.GetAsync("briefings");
        var html = await response.Content.ReadAsStringAsync();
        var document = new HtmlParser().ParseDocument(html);

        var link = Assert.Single(document.QuerySelectorAll("link[rel=stylesheet]"));
        Assert.StartsWith("/site.css?v=", link.GetAttribute("href"));
        Assert.Empty(document.QuerySelectorAll("style, [style]"));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("style-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
    }

    [Fact]
    public async Task TheLinkedStylesheetIsCssABrowserMayKeepUntilItChanges()
    {
        var href = await StylesheetLinkAsync();

        using var linked = await app.Http.GetAsync(href.TrimStart('/'));
        using var unversioned = await app.Http.GetAsync("site.css");

        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal("text/css", linked.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".skip", await linked.Content.ReadAsStringAsync());
        Assert.True(linked.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromDays(365), linked.Headers.CacheControl?.MaxAge);
        Assert.True(unversioned.Headers.CacheControl?.NoCache);
        Assert.Equal(linked.Headers.ETag, unversioned.Headers.ETag);
    }

    [Fact]
    public async Task ABrowserWithTheCurrentCopyIsToldItIsCurrent()
    {
        using var first = await app.Http.GetAsync("site.css");
        using var request = new HttpRequestMessage(HttpMethod.Get, "site.css");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var stale = new HttpRequestMessage(HttpMethod.Get, "site.css");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0000\""));

        using var again = await app.Http.SendAsync(request);
        using var changed = await app.Http.SendAsync(stale);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    private async Task<string> StylesheetLinkAsync()
    {
        var html = await app.Http.GetStringAsync("briefings");
        return new HtmlParser().ParseDocument(html).QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
    }
}
