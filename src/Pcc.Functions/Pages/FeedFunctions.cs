using Microsoft.Extensions.Options;
using Pcc.Briefings.Themes;
using Pcc.Catalogue.Reading;
using Pcc.Functions.Pages.Feeds;
using Pcc.Functions.Pages.Readers;
using Pcc.Notifications.Digests;

namespace Pcc.Functions.Pages;

/// <summary>Atom 1.0 feeds of the newest 50 changes: <c>/feeds/all.atom</c> and <c>/feeds/themes/{slug}.atom</c>.</summary>
public sealed class FeedFunctions(RecentChanges changes, ThemeTaxonomy taxonomy, IOptions<DigestOptions> digests, TimeProvider time)
{
    private const int Entries = 50;

    /// <summary>Every theme's changes.</summary>
    [Function("AllChangesFeed")]
    public async Task<IResult> AllAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "feeds/all.atom")] HttpRequest request, CancellationToken cancellationToken) =>
        Feed(await AtomFeed.BuildAsync($"All changes – {PageLayout.SiteName}", digests.Value.PublicBaseUrl, "/feeds/all.atom", "/",
            await changes.NewestAsync(Entries, null, cancellationToken), time.GetUtcNow()));

    /// <summary>One theme's changes.</summary>
    [Function("ThemeFeed")]
    public async Task<IResult> ThemeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "feeds/themes/{slug}.atom")] HttpRequest request, string slug, CancellationToken cancellationToken)
    {
        if (taxonomy.Find(slug) is not { Listed: true } theme)
        {
            return NotFoundPage.Render("There is no such theme.");
        }

        return Feed(await AtomFeed.BuildAsync($"{theme.Name} – {PageLayout.SiteName}", digests.Value.PublicBaseUrl, $"/feeds/themes/{theme.Slug}.atom", $"/themes/{theme.Slug}",
            await changes.NewestAsync(Entries, theme.Slug, cancellationToken), time.GetUtcNow()));
    }

    private static IResult Feed(System.ServiceModel.Syndication.SyndicationFeed feed) => TypedResults.Bytes(AtomFeed.Write(feed), AtomFeed.ContentType);
}
