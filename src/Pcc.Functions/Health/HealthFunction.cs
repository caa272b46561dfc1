using Pcc.Catalogue.Health;

namespace Pcc.Functions.Health;

/// <summary>
/// <c>GET /api/health</c>, for Application Insights' availability test and for operators: storage reachable, queue
/// depths, the last digest run of each frequency and the last ingest (<see cref="AppHealth"/>). 200 when storage
/// answered, 503 with the same body when it did not; never cached.
/// </summary>
public sealed class HealthFunction(AppHealth health)
{
    /// <summary>
    /// The blob trigger's poison queue: the Functions host's own name for it, in the account the trigger's connection names
    /// (the app's, <c>Storage:Connection</c>).
    /// </summary>
    public const string BlobTriggerPoisonQueue = "webjobs-blobtrigger-poison";

    /// <summary>The readings as JSON.</summary>
    [Function("Health")]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request, CancellationToken cancellationToken)
    {
        var report = await health.ReadAsync(cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(report, statusCode: report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
