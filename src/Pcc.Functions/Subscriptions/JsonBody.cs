using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Pcc.Functions.Subscriptions;

/// <summary>Reads a request's JSON body as minimal APIs bind one: web defaults, 415 for another content type, 400 for JSON that does not fit.</summary>
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
            if (await JsonSerializer.DeserializeAsync<T>(request.Body, JsonSerializerOptions.Web, cancellationToken) is { } value)
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
