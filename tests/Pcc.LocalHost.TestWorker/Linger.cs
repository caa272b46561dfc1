using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Pcc.LocalHost.TestWorker;

/// <summary>
/// Records each delivery of a queue message as <c>linger-{id}-{dequeueCount}-started</c>; a text <c>linger:N</c> waits
/// on the invocation's cancellation token on the first N deliveries, then records <c>-cancelled</c> and throws, as
/// cancellable work does; <c>stubborn</c> never ends, whatever its token says. Other deliveries record <c>-done</c>.
/// </summary>
public sealed class Linger(Results results, ILogger<Linger> logger)
{
    [Function("Linger")]
    public async Task RunAsync([QueueTrigger("%TestWorker:LingerQueue%", Connection = "AzureWebJobsStorage")] string message, FunctionContext context, CancellationToken cancellationToken)
    {
        var data = context.BindingContext.BindingData;
        var name = $"linger-{data["Id"]}-{Convert.ToInt64(data["DequeueCount"], CultureInfo.InvariantCulture)}";
        await results.WriteAsync(name + "-started", message);
        if (message == "stubborn")
        {
            await Task.Delay(Timeout.Infinite, CancellationToken.None);
        }

        var lingering = message.StartsWith("linger:", StringComparison.Ordinal)
            && Convert.ToInt64(data["DequeueCount"], CultureInfo.InvariantCulture) <= long.Parse(message[7..], CultureInfo.InvariantCulture);
        if (lingering)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                logger.LogWarning("{Name} was cancelled", name);
                await results.WriteAsync(name + "-cancelled", message);
                throw;
            }
        }

        await results.WriteAsync(name + "-done", message);
    }
}
