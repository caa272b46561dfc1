using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Pcc.LocalHost.TestWorker;

/// <summary>
/// Records each delivery of a queue message as <c>queue-{id}-{dequeueCount}</c> holding its text; a text
/// <c>fail:N</c> throws on the first N deliveries.
/// </summary>
public sealed class Dequeue(Results results, ILogger<Dequeue> logger)
{
    [Function("Dequeue")]
    public async Task RunAsync([QueueTrigger("%TestWorker:Queue%", Connection = "AzureWebJobsStorage")] string message, FunctionContext context)
    {
        var data = context.BindingContext.BindingData;
        var id = data["Id"]?.ToString();
        var count = Convert.ToInt64(data["DequeueCount"], CultureInfo.InvariantCulture);
        logger.LogInformation("Delivery {Count} of {Id}", count, id);
        await results.WriteAsync($"queue-{id}-{count}", message);
        if (message.StartsWith("fail:", StringComparison.Ordinal) && count <= long.Parse(message[5..], CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"Delivery {count} of {id} fails on purpose.");
        }
    }
}
