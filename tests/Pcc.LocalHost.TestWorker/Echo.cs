using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Pcc.LocalHost.TestWorker;

/// <summary>HTTP functions: one echoes what it was called with, one needs a function key; two fail (at once, and after an await).</summary>
public sealed class Echo
{
    [Function("Echo")]
    public static async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "echo/{word}/{count:int?}")] HttpRequest request,
        string word, FunctionContext context)
    {
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        return new OkObjectResult(new
        {
            word,
            method = request.Method,
            query = request.Query["q"].ToString(),
            header = request.Headers["X-Test"].ToString(),
            forwardedFor = request.Headers["X-Forwarded-For"].ToString(),
            remote = request.HttpContext.Connection.RemoteIpAddress?.ToString(),
            body,
            invocationId = context.InvocationId,
        });
    }

    [Function("Keyed")]
    public static IActionResult Keyed([HttpTrigger(AuthorizationLevel.Function, "post", Route = "keyed")] HttpRequest request) =>
        new OkObjectResult(new { keyed = true });

    [Function("Broken")]
    public static IActionResult Broken([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "broken")] HttpRequest request) =>
        throw new InvalidOperationException("Broken is broken on purpose.");

    [Function("BrokenLater")]
    public static async Task<IActionResult> BrokenLater([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "broken-later")] HttpRequest request)
    {
        await Task.Yield();
        throw new InvalidOperationException("BrokenLater fails after it started, on purpose.");
    }
}
