using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Catalogue.Ingestion.Uploads;
using Pcc.Catalogue.Reading;
using Pcc.Functions.Pages.Editor;
using Pcc.Functions.Pages.Readers;
using Pcc.Functions.Policies;

namespace Pcc.Functions.Pages;

/// <summary>
/// The editors' pages: <c>/editor</c> lists recent ingests and takes uploads; <c>/editor/ingests/{slug}/{etag}</c>
/// shows one ingest's report. Open locally; in Azure behind an Entra ID sign-in (<see cref="EditorAccess"/>), checked
/// with same-origin uploads before they run (<see cref="RequestPolicyAttribute"/>).
/// </summary>
public sealed class EditorPages(BriefingUploads uploads, IngestLog log, CatalogueReader catalogue)
{
    private const int Recent = 30;

    /// <summary>
    /// GET: the page. POST (multipart: the file <c>briefing</c>, an optional change <c>note</c>, <c>editorial</c> =
    /// <c>true</c> for corrections only): stores the upload with the note in its metadata and goes to its report.
    /// </summary>
    [Function("EditorPage")]
    [RequestPolicy(RequestPolicies.EditorsOnly | RequestPolicies.SameOriginPosts, Page = true)]
    public async Task<IResult> EditorAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "editor")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return EditorPage.Render(await log.RecentAsync(Recent, cancellationToken));
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
        var file = form?.Files.GetFile("briefing");
        var note = UploadNote.Of(form?["note"], form?["editorial"].Contains("true") == true);
        await using var content = file?.OpenReadStream() ?? Stream.Null;
        var upload = await uploads.UploadAsync(file?.FileName, content, file?.Length ?? 0, note, cancellationToken);
        return upload.Error is { } error
            ? EditorPage.Render(await log.RecentAsync(Recent, cancellationToken), error) with { Status = StatusCodes.Status400BadRequest }
            : TypedResults.Redirect(EditorPage.ReportPath(upload.Slug!, upload.Etag!, upload.BlobName));
    }

    /// <summary>GET: one ingest's report, or a page saying it is still being read.</summary>
    [Function("IngestReportPage")]
    [RequestPolicy(RequestPolicies.EditorsOnly, Page = true)]
    public async Task<IResult> ReportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "editor/ingests/{slug}/{etag}")] HttpRequest request, string slug, string etag, CancellationToken cancellationToken)
    {
        var ingest = await log.FindAsync(slug, etag, cancellationToken);
        var report = ingest is null ? null : await log.ReportAsync(ingest, cancellationToken);
        if (ingest is not null && report is not null)
        {
            return IngestReportPage.Render(ingest, report, await catalogue.BriefingTitlesAsync(cancellationToken));
        }

        // Until the blob trigger has started, only the upload itself says the address is right.
        string? file = request.Query["file"];
        return ingest is not null || await uploads.IsCurrentAsync(file, slug, etag, cancellationToken)
            ? IngestReportPage.Pending(ingest?.BlobName ?? file!, EditorPage.ReportPath(slug, etag, file))
            : NotFoundPage.Render("There is no such upload.");
    }
}
