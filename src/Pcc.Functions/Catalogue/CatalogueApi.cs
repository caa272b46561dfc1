using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Pcc.Briefings.Themes;
using Pcc.Catalogue.Reading;
using Pcc.Catalogue.Reading.Models;
using Pcc.Catalogue.Storage;
using Pcc.Functions.Pages.Editor;

namespace Pcc.Functions.Catalogue;

/// <summary>The anonymous, read-only JSON API of the catalogue. Each endpoint is an HTTP function.</summary>
public sealed class CatalogueApi(CatalogueReader reader, ReportReader reports, EditorAccess editors, ThemeTaxonomy taxonomy, TimeProvider time)
{
    /// <summary><c>GET /api/themes</c>: every theme with its number of case studies.</summary>
    [Function("Themes")]
    public async Task<Ok<IReadOnlyList<ThemeView>>> ThemesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/themes")] HttpRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reader.ThemesAsync(cancellationToken));

    /// <summary><c>GET /api/briefings</c>: every briefing and its current version.</summary>
    [Function("Briefings")]
    public async Task<Ok<IReadOnlyList<BriefingSummary>>> BriefingsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/briefings")] HttpRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reader.BriefingsAsync(cancellationToken));

    /// <summary>
    /// <c>GET /api/briefings/{slug}</c>: one briefing with its published versions, newest first; with its failed and held
    /// uploads and their reports for editors (<see cref="EditorAccess"/>), and only their numbers for anyone else.
    /// </summary>
    [Function("Briefing")]
    public async Task<Results<Ok<BriefingView>, ProblemHttpResult>> BriefingAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/briefings/{slug}")] HttpRequest request, string slug, CancellationToken cancellationToken) =>
        await reader.BriefingAsync(slug, editors.IsEditor(request), cancellationToken) is { } briefing
            ? TypedResults.Ok(briefing)
            : NotFound($"No briefing '{Clip(slug)}' has been uploaded.");

    /// <summary><c>GET /api/case-studies[?theme=slug]</c>: the catalogue now, or one theme of it.</summary>
    [Function("CaseStudies")]
    public async Task<Results<Ok<IReadOnlyList<CaseStudyView>>, ProblemHttpResult>> CaseStudiesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/case-studies")] HttpRequest request, CancellationToken cancellationToken)
    {
        string? theme = request.Query["theme"];
        if (theme is not null && taxonomy.Find(theme) is null)
        {
            return NotFound($"There is no theme '{Clip(theme)}'. GET /api/themes lists them.");
        }

        return TypedResults.Ok(await reader.CaseStudiesAsync(theme, cancellationToken));
    }

    /// <summary><c>GET /api/case-studies/{key}</c>: one case study with its history.</summary>
    [Function("CaseStudy")]
    public async Task<Results<Ok<CaseStudyDetail>, ProblemHttpResult>> CaseStudyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/case-studies/{key}")] HttpRequest request, string key, CancellationToken cancellationToken) =>
        await reader.CaseStudyAsync(key, cancellationToken) is { } detail
            ? TypedResults.Ok(detail)
            : NotFound($"No case study has the key '{Clip(key)}'.");

    /// <summary>The most changes one answer of <c>GET /api/changes</c> holds, and how many it holds unless <c>limit</c> says fewer.</summary>
    public const int MaxChangesPerPage = 1000, DefaultChangesPerPage = 100;

    /// <summary>
    /// <c>GET /api/changes?since=…[&amp;until=…][&amp;limit=…][&amp;continuation=…]</c>: the changes recorded in the window,
    /// in time order, a page at a time; a <c>Link: &lt;…&gt;; rel="next"</c> header gives the next page's address while there is one.
    /// </summary>
    [Function("Changes")]
    public async Task<Results<Ok<IReadOnlyList<ChangeView>>, ProblemHttpResult>> ChangesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/changes")] HttpRequest request, CancellationToken cancellationToken)
    {
        string? since = request.Query["since"], until = request.Query["until"], limitText = request.Query["limit"];
        if (!TryParseInstant(since, out var from))
        {
            return BadRequest("Query parameter 'since' is required: an ISO-8601 date-time such as 2026-11-23T07:30:00Z.");
        }

        var to = time.GetUtcNow().AddSeconds(1);
        if (until is not null && !TryParseInstant(until, out to))
        {
            return BadRequest("Query parameter 'until' must be an ISO-8601 date-time.");
        }

        if (to <= from)
        {
            return BadRequest("'since' must be before 'until'.");
        }

        var limit = DefaultChangesPerPage;
        if (limitText is not null && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxChangesPerPage))
        {
            return BadRequest($"Query parameter 'limit' must be a whole number from 1 to {MaxChangesPerPage}.");
        }

        var page = await reader.ChangesAsync(from, to, limit, ChangesContinuation.Decode(request.Query["continuation"]), cancellationToken);
        if (page is null)
        {
            return BadRequest("Query parameter 'continuation' must be one that a 'next' link of this API gave.");
        }

        if (page.Continuation is { } next)
        {
            // The next page keeps this page's window, 'until' included, so pages never overlap or miss a change.
            request.HttpContext.Response.Headers.Link = $"</api/changes?since={Instant(from)}&until={Instant(to)}&limit={limit}" +
                $"&continuation={ChangesContinuation.Encode(next)}>; rel=\"next\"";
        }

        return TypedResults.Ok(page.Changes);
    }

    /// <summary>
    /// <c>GET /api/reports/{slug}/{file}</c>: an ingest report, JSON or its text summary. A published version's report is
    /// public; any other (held, failed) only for editors: anyone else gets 404, as for a report that does not exist.
    /// </summary>
    [Function("IngestReport")]
    public async Task<Results<FileContentHttpResult, ProblemHttpResult>> ReportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/{slug}/{file}")] HttpRequest request, string slug, string file, CancellationToken cancellationToken) =>
        await reports.ReadAsync(slug, file, editors.IsEditor(request), cancellationToken) is { } report
            ? TypedResults.File(report.Content, report.ContentType)
            : NotFound($"No ingest report '{Clip(slug)}/{Clip(file)}'.");

    private static string Instant(DateTimeOffset instant) => Uri.EscapeDataString(instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));

    private static bool TryParseInstant(string? value, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);

    // Keys are echoed in messages, but never a 5,000-character one.
    private static string Clip(string value) => value.Length > 100 ? value[..100] + "…" : value;

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");
}
