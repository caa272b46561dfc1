using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Pcc.Briefings.Themes;
using Pcc.Functions.Catalogue.Models;
using Pcc.Functions.Data;
using Pcc.Functions.Hosting;

namespace Pcc.Functions.Catalogue;

/// <summary>The anonymous, read-only JSON API of the catalogue. Each endpoint is an HTTP function.</summary>
public static class CatalogueApi
{
    /// <summary>The catalogue's HTTP functions.</summary>
    public static IEnumerable<FunctionDefinition> Functions() =>
    [
        FunctionDefinition.Http("Themes", "themes", ["GET"], Themes),
        FunctionDefinition.Http("Briefings", "briefings", ["GET"], Briefings),
        FunctionDefinition.Http("Briefing", "briefings/{slug}", ["GET"], Briefing),
        FunctionDefinition.Http("CaseStudies", "case-studies", ["GET"], CaseStudies),
        FunctionDefinition.Http("CaseStudy", "case-studies/{key}", ["GET"], CaseStudy),
        FunctionDefinition.Http("Changes", "changes", ["GET"], Changes),
        FunctionDefinition.Http("IngestReport", "reports/{slug}/{file}", ["GET"], Report),
    ];

    private static async Task<Ok<IReadOnlyList<ThemeView>>> Themes(CatalogueReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reader.ThemesAsync(cancellationToken));

    private static async Task<Ok<IReadOnlyList<BriefingSummary>>> Briefings(CatalogueReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reader.BriefingsAsync(cancellationToken));

    private static async Task<Results<Ok<BriefingView>, ProblemHttpResult>> Briefing(string slug, CatalogueReader reader, CancellationToken cancellationToken) =>
        TableKeys.IsAppKey(slug) && await reader.BriefingAsync(slug, cancellationToken) is { } briefing
            ? TypedResults.Ok(briefing)
            : NotFound($"No briefing '{Clip(slug)}' has been uploaded.");

    private static async Task<Results<Ok<IReadOnlyList<CaseStudyView>>, ProblemHttpResult>> CaseStudies(
        string? theme, CatalogueReader reader, ThemeTaxonomy taxonomy, CancellationToken cancellationToken)
    {
        if (theme is not null && taxonomy.Find(theme) is null)
        {
            return NotFound($"There is no theme '{Clip(theme)}'. GET /api/themes lists them.");
        }

        return TypedResults.Ok(await reader.CaseStudiesAsync(theme, cancellationToken));
    }

    private static async Task<Results<Ok<CaseStudyDetail>, ProblemHttpResult>> CaseStudy(string key, CatalogueReader reader, CancellationToken cancellationToken) =>
        TableKeys.IsAppKey(key) && await reader.CaseStudyAsync(key, cancellationToken) is { } detail
            ? TypedResults.Ok(detail)
            : NotFound($"No case study has the key '{Clip(key)}'.");

    private static async Task<Results<Ok<IReadOnlyList<ChangeView>>, ProblemHttpResult>> Changes(
        string? since, string? until, CatalogueReader reader, TimeProvider time, CancellationToken cancellationToken)
    {
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

        return TypedResults.Ok(await reader.ChangesAsync(from, to, cancellationToken));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Report(string slug, string file, ReportReader reports, CancellationToken cancellationToken) =>
        await reports.ReadAsync(slug, file, cancellationToken) is { } report
            ? TypedResults.File(report.Content, report.ContentType)
            : NotFound($"No ingest report '{Clip(slug)}/{Clip(file)}'.");

    private static bool TryParseInstant(string? value, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);

    // Keys are echoed in messages, but never a 5,000-character one.
    private static string Clip(string value) => value.Length > 100 ? value[..100] + "…" : value;

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");
}
