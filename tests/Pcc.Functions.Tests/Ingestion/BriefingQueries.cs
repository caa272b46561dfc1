using System.Text.Json;
using Pcc.Catalogue.Storage;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Catalogue.Ingestion;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Ingestion;

/// <summary>
/// What the app shows of one test's briefings, when other tests' briefings share the worker's catalogue: case studies
/// listing the briefing as a source, changes recorded for it, its receipts and reports.
/// </summary>
public static class BriefingQueries
{
    public const string SinceEver = "2000-01-01T00:00:00Z";

    /// <summary>The catalogue's case studies (<c>GET api/case-studies</c>) that list any of <paramref name="slugs"/> as a source.</summary>
    public static async Task<IReadOnlyList<JsonElement>> CaseStudiesOfAsync(this AppFixture app, params string[] slugs) =>
        [.. (await app.GetJsonAsync("api/case-studies")).EnumerateArray()
            .Where(c => c.GetProperty("sources").EnumerateArray().Any(s => slugs.Contains(s.GetString())))];

    /// <summary>The changes (<c>GET api/changes?since=</c>, every page) recorded for <paramref name="slug"/> since <paramref name="since"/>.</summary>
    public static async Task<IReadOnlyList<JsonElement>> ChangesOfAsync(this AppFixture app, string slug, string since = SinceEver) =>
        [.. (await app.ChangePagesAsync($"api/changes?since={Uri.EscapeDataString(since)}")).SelectMany(p => p)
            .Where(c => c.GetProperty("briefing").GetString() == slug)];

    /// <summary>Every page of <c>GET api/changes</c> from <paramref name="path"/> on, following each answer's <c>Link: &lt;…&gt;; rel="next"</c>.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<JsonElement>>> ChangePagesAsync(this AppFixture app, string path)
    {
        var pages = new List<IReadOnlyList<JsonElement>>();
        for (string? next = path; next is not null;)
        {
            using var response = await app.Http.GetAsync(next);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"GET {next} answered {(int)response.StatusCode}: {body}");
            pages.Add([.. JsonDocument.Parse(body).RootElement.Clone().EnumerateArray()]);
            next = NextLink(response);
        }

        return pages;
    }

    /// <summary>The address in an answer's <c>Link</c> header with <c>rel="next"</c>, or null.</summary>
    public static string? NextLink(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var links)
            ? links.Select(l => System.Text.RegularExpressions.Regex.Match(l, "^<([^>]+)>;\\s*rel=\"next\"$")).FirstOrDefault(m => m.Success)?.Groups[1].Value
            : null;

    /// <inheritdoc cref="ChangesOfAsync(AppFixture, string, string)"/>
    public static Task<IReadOnlyList<JsonElement>> ChangesOfAsync(this AppFixture app, string slug, DateTimeOffset since) =>
        app.ChangesOfAsync(slug, since.ToString("O"));

    /// <summary>The text summary of an ingest report, from its JSON path as the API lists it.</summary>
    public static Task<string> ReportTextAsync(this AppFixture app, string reportPath) =>
        app.Http.GetStringAsync("api/reports/" + reportPath.Replace(".json", ".txt", StringComparison.Ordinal));

    /// <summary>The app's receipt of one blob version (the Ingestions row), or null.</summary>
    public static async Task<IngestionEntity?> ReceiptAsync(this AppFixture app, string slug, string etag) =>
        (await app.GetRequiredService<PccStore>().Ingestions.GetEntityIfExistsAsync<IngestionEntity>(slug, IngestionPaths.Sanitise(etag))).ValueOrDefault();

    /// <summary>Waits until the receipt of a blob version satisfies <paramref name="holds"/>.</summary>
    public static Task<IngestionEntity?> WaitForReceiptAsync(this AppFixture app, string slug, string etag, Func<IngestionEntity, bool> holds, string what, TimeSpan? timeout = null) =>
        Eventually.Async(() => app.ReceiptAsync(slug, etag), r => r is not null && holds(r), $"{what} ({slug}, {etag})", timeout);

    /// <summary>Uploads a version and waits until the app has recorded an outcome for it (any status but pending).</summary>
    public static async Task<IngestionEntity> UploadAndSettleAsync(this AppFixture app, string name, byte[] content, TimeSpan? timeout = null)
    {
        var etag = await app.UploadAsync(name, content);
        return (await app.WaitForReceiptAsync(AppFixture.SlugOf(name), etag, r => r.Status != IngestStatus.Pending, "an outcome", timeout))!;
    }

    /// <summary><c>GET api/briefings/{slug}</c>.</summary>
    public static Task<JsonElement> BriefingAsync(this AppFixture app, string slug) => app.GetJsonAsync($"api/briefings/{slug}");
}
