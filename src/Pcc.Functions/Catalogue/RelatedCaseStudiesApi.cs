using Microsoft.AspNetCore.Http.HttpResults;
using Pcc.Catalogue.Related;

namespace Pcc.Functions.Catalogue;

/// <summary>
/// The operators' route that recomputes the related case studies now, for a catalogue ingested before they existed
/// (every ingest that publishes a version recomputes them anyway). It needs a function key in Azure, as
/// <c>ConfirmBriefingVersion</c> does.
/// </summary>
public sealed class RelatedCaseStudiesApi(RelatedCaseStudies related)
{
    /// <summary><c>POST /api/related-case-studies/refresh</c>: recomputes and stores every case study's related list; running it again changes nothing.</summary>
    [Function("RefreshRelatedCaseStudies")]
    public async Task<Ok<RelatedRefresh>> RefreshAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/related-case-studies/refresh")] HttpRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await related.RefreshAsync(cancellationToken));
}
