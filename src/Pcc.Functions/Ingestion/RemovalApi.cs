using Microsoft.AspNetCore.Http.HttpResults;
using Pcc.Catalogue.Ingestion;

namespace Pcc.Functions.Ingestion;

/// <summary>
/// The operators' route that takes a briefing out of the catalogue (<see cref="BriefingRemoval"/>): for the briefing a
/// deployment check uploads (<c>pcc smoke</c>), and for one published by mistake. It needs a function key in Azure
/// (<see cref="AuthorizationLevel.Function"/>), as <c>ConfirmBriefingVersion</c> does.
/// </summary>
public sealed class RemovalApi(BriefingRemoval removal)
{
    /// <summary><c>DELETE /api/briefings/{slug}</c>: removes the briefing, its versions, reports, document and changes; removing again answers 404.</summary>
    [Function("RemoveBriefing")]
    public async Task<Results<Ok<BriefingRemovalResult>, ProblemHttpResult>> RemoveAsync(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "api/briefings/{slug}")] HttpRequest request, string slug, CancellationToken cancellationToken)
    {
        var result = await removal.RemoveAsync(slug, cancellationToken);
        return result.Found
            ? TypedResults.Ok(result)
            : TypedResults.Problem($"There is no briefing '{(slug.Length > 100 ? slug[..100] + "…" : slug)}' to remove.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
    }
}
