using Microsoft.AspNetCore.Http.HttpResults;
using Pcc.Functions.Hosting;

namespace Pcc.Functions.Ingestion;

/// <summary>
/// The editors' write route for versions held for review. It needs a function key in Azure (<c>authLevel: function</c>,
/// <c>?code=</c> or the <c>x-functions-key</c> header); the local host, like <c>func start</c>, does not check keys.
/// </summary>
public static class ReviewApi
{
    /// <summary>The review functions.</summary>
    public static IEnumerable<FunctionDefinition> Functions() =>
    [
        FunctionDefinition.Http("ConfirmBriefingVersion", "briefings/{slug}/versions/{version}/confirm",
            new Dictionary<string, Delegate> { ["POST"] = Confirm }, authLevel: "function"),
    ];

    private static async Task<Results<Ok<ConfirmOutcome>, ProblemHttpResult>> Confirm(string slug, string version, HeldVersions held, CancellationToken cancellationToken)
    {
        if (!int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number <= 0)
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
