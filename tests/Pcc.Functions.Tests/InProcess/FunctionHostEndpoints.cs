using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Pcc.Functions.Tests.InProcess;

/// <summary>
/// The custom-handler side of the Functions host contract, kept until the local host speaks the worker protocol: <c>GET /</c> for the host's readiness probe,
/// <c>POST /{FunctionName}</c> for non-HTTP invocations, and HTTP functions under <c>/api</c>.
/// </summary>
public static class FunctionHostEndpoints
{
    /// <summary>Maps the probe, the invocation endpoint and every HTTP function.</summary>
    public static IEndpointRouteBuilder MapFunctionHost(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => TypedResults.Ok(new { status = "ready" }));
        app.MapPost("/{functionName}", InvokeAsync);

        var registry = app.ServiceProvider.GetRequiredService<FunctionRegistry>();
        foreach (var function in registry.All)
        {
            if (function.Trigger is not HttpTriggerBinding http)
            {
                continue;
            }

            // Endpoint names are unique: the function's name when one handler serves every method, else one per handler.
            var handlers = function.HttpHandlers.GroupBy(h => h.Value, h => h.Key).ToList();
            foreach (var handler in handlers)
            {
                var name = handlers.Count == 1 ? function.Name : $"{function.Name}.{string.Join('.', handler)}";
                app.MapMethods("/api/" + http.Route, handler, handler.Key).WithName(name);
            }
        }

        return app;
    }

    private static async Task<Results<Ok<FunctionResult>, ProblemHttpResult, JsonHttpResult<FunctionResult>>> InvokeAsync(
        string functionName, HttpRequest request, FunctionRegistry registry, IServiceProvider services, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var function = registry.Find(functionName);
        if (function is null || (function.HandlerType is null && function.HandlerFactory is null))
        {
            return TypedResults.Problem($"No function named '{functionName}' takes invocations.", statusCode: StatusCodes.Status404NotFound);
        }

        JsonDocument payload;
        try
        {
            payload = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem($"The payload is not JSON: {ex.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        using (payload)
        {
            if (!FunctionInvocation.TryParse(function.Name, payload.RootElement, out var invocation, out var error))
            {
                return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
            }

            var logger = loggers.CreateLogger("Function." + function.Name);
            var handler = function.HandlerFactory?.Invoke(services) ?? (IFunctionHandler)services.GetRequiredService(function.HandlerType!);
            try
            {
                return TypedResults.Ok(await handler.InvokeAsync(invocation!, cancellationToken));
            }
            catch (InvalidInvocationException ex)
            {
                logger.LogWarning("Rejected invocation of {Function}: {Reason}", function.Name, ex.Message);
                return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Any other failure is the host's to retry: reply non-2xx with the reason in the invocation log.
                logger.LogError(ex, "{Function} failed", function.Name);
                return TypedResults.Json(FunctionResult.WithLogs($"{function.Name} failed: {ex.Message}"), statusCode: StatusCodes.Status500InternalServerError);
            }
        }
    }
}
