using Pcc.Briefings.Themes;
using Pcc.Catalogue.Reading;
using Pcc.Catalogue.Storage;
using Pcc.Catalogue.Summaries;
using Pcc.Functions.Pages.Feeds;
using Pcc.Functions.Pages.Readers;

namespace Pcc.Functions.Pages;

/// <summary>
/// The readers' pages, server-rendered HTML at the site root (host.json <c>routePrefix</c> is empty; the JSON API's
/// routes start with <c>api/</c>). Each page is one HTTP function.
/// </summary>
public sealed class ReaderPages(CatalogueReader catalogue, RecentChanges changes, SummaryArchive summaries, BriefingContents contents, ThemeTaxonomy taxonomy)
{
    /// <summary><c>GET /</c>: what this is, the themes with counts, the latest changes.</summary>
    /// <remarks>An empty route is not allowed, so the root is an optional parameter that must stay empty.</remarks>
    [Function("HomePage")]
    public async Task<IResult> HomeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{home:maxlength(0)?}")] HttpRequest request, CancellationToken cancellationToken) =>
        HomePage.Render(await catalogue.ThemesAsync(cancellationToken), await changes.NewestAsync(10, null, cancellationToken), taxonomy);

    /// <summary><c>GET /themes/{slug}</c>: a theme's case studies, most recently changed first.</summary>
    [Function("ThemePage")]
    public async Task<IResult> ThemeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "themes/{slug}")] HttpRequest request, string slug, CancellationToken cancellationToken) =>
        taxonomy.Find(slug) is { Listed: true } theme
            ? ThemePage.Render(theme, await catalogue.CaseStudiesAsync(theme.Slug, cancellationToken))
            : NotFoundPage.Render("There is no such theme.");

    /// <summary><c>GET /case-studies/{key}</c>: a case study with its history; where every email link leads.</summary>
    [Function("CaseStudyPage")]
    public async Task<IResult> CaseStudyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "case-studies/{key}")] HttpRequest request, string key, CancellationToken cancellationToken) =>
        await catalogue.CaseStudyAsync(key, cancellationToken) is { } detail
            ? CaseStudyPage.Render(detail, taxonomy)
            : NotFoundPage.Render("There is no case study at this address.");

    /// <summary><c>GET /briefings</c>: every briefing with its current version.</summary>
    [Function("BriefingsPage")]
    public async Task<IResult> BriefingsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "briefings")] HttpRequest request, CancellationToken cancellationToken) =>
        BriefingsPage.Render(await catalogue.BriefingsAsync(cancellationToken));

    /// <summary><c>GET /briefings/{slug}</c>: a briefing's versions with their counts, and its case studies.</summary>
    [Function("BriefingPage")]
    public async Task<IResult> BriefingAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "briefings/{slug}")] HttpRequest request, string slug, CancellationToken cancellationToken)
    {
        if (await catalogue.BriefingAsync(slug, editor: false, cancellationToken) is not { } briefing)
        {
            return NotFoundPage.Render("No briefing has been uploaded under this name.");
        }

        return BriefingPage.Render(briefing, await contents.CaseStudiesAsync(slug, cancellationToken));
    }

    /// <summary><c>GET /summaries</c>: the weekly summaries written so far.</summary>
    [Function("SummariesPage")]
    public async Task<IResult> SummariesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "summaries")] HttpRequest request, CancellationToken cancellationToken) =>
        SummariesPage.Render(summaries.CurrentWeek, await summaries.WeeksAsync(cancellationToken));

    /// <summary><c>GET /summaries/{week}</c>: one week's summary.</summary>
    [Function("SummaryPage")]
    public async Task<IResult> SummaryAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "summaries/{week}")] HttpRequest request, string week, CancellationToken cancellationToken) =>
        await summaries.ReadAsync(week, cancellationToken) is { } summary
            ? SummaryPage.Render(summary, inProgress: week == summaries.CurrentWeek)
            : NotFoundPage.Render("There is no summary for this week.");
}
