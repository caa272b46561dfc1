using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Pcc.Functions.Subscriptions;

/// <summary>
/// Reads a request's JSON body as a minimal API binds one (<see cref="HttpRequestJsonExtensions"/>, the app's JSON
/// options), answering 415 for another content type and 400 for a body that is not the expected JSON. The worker's own
/// <c>[FromBody]</c> binding would fail the invocation instead, which the caller sees as a 500.
/// </summary>
public static class JsonBody
{
    /// <summary>The body as <typeparamref name="T"/>, or the problem to answer.</summary>
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem("The body must be JSON (Content-Type: application/json).", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type"));
        }

        try
        {
            if (await request.ReadFromJsonAsync<T>(cancellationToken) is { } value)
            {
                return (value, null);
            }
        }
        catch (JsonException)
        {
        }

        return (null, TypedResults.Problem("The body is not the JSON object this endpoint takes.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid request"));
    }
}
