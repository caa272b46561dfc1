using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Pcc.LocalHost.TestWorker;

/// <summary>
/// Copies each blob of the inbox to the results as <c>copy-{name}</c>, with the <c>{name}</c> path token.
/// Content starting with <c>fail</c> throws until the results hold <c>allow-{name}</c>; <c>crash</c> ends the worker
/// process the first time it is seen.
/// </summary>
public sealed class CopyBlob(Results results, ILogger<CopyBlob> logger)
{
    [Function("CopyBlob")]
    public async Task RunAsync([BlobTrigger("%TestWorker:Inbox%/{name}", Connection = "AzureWebJobsStorage")] string content, string name)
    {
        if (content.StartsWith("fail", StringComparison.Ordinal) && !await results.ExistsAsync("allow-" + name))
        {
            throw new InvalidOperationException($"The content of {name} asks to fail.");
        }

        if (content == "crash" && !await results.ExistsAsync("crashed-" + name))
        {
            await results.WriteAsync("crashed-" + name, "");
            logger.LogWarning("Ending the worker process for {Name}", name);
            Environment.Exit(3);
        }

        logger.LogInformation("Copied {Name}", name);
        await results.WriteAsync("copy-" + name, $"{name}|{content}");
    }
}
