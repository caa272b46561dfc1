using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Pcc.Catalogue.Ingestion.Review;

namespace Pcc.Functions.Ingestion;

/// <summary>
/// The editors' write route for versions held for review. It needs a function key in Azure
/// (<see cref="AuthorizationLevel.Function"/>: <c>?code=</c> or the <c>x-functions-key</c> header); the local host
/// asks for the key it prints at start-up, while <c>func start</c> does not check keys.
/// </summary>
public sealed class ReviewApi(HeldVersions held)
{
    /// <summary><c>POST /api/briefings/{slug}/versions/{version}/confirm</c>: publishes a held version; confirming again changes nothing.</summary>
    [Function("ConfirmBriefingVersion")]
    public async Task<Results<Ok<ConfirmOutcome>, ProblemHttpResult>> ConfirmAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/briefings/{slug}/versions/{version}/confirm")] HttpRequest request,
        string slug, string version, CancellationToken cancellationToken)
    {
        if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            return TypedResults.Problem("The version must be a positive whole number, as listed under 'held' in GET /api/briefings/{slug}.",
                statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");
        }

        var outcome = await held.ConfirmAsync(slug, number, cancellationToken);
        return outcome.Status switch
        {
            ConfirmOutcome.Confirmed or ConfirmOutcome.AlreadyCurrent => TypedResults.Ok(outcome),
            ConfirmOutcome.Superseded => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status409Conflict, title: "Superseded"),
            _ => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
        };
    }
}
