using Pcc.Catalogue.Storage;

namespace Pcc.Functions.Catalogue;

/// <summary>
/// Creates the app's tables and containers (<see cref="PccStore.EnsureCreatedAsync"/>) as the worker starts, while it
/// connects to its host, instead of in the first invocation: on an instance's cold start that first request then finds
/// them ready (half a second or more otherwise, 17 requests). Nothing waits for it: a request that comes first waits
/// on the store's own gate, and a failure here (storage unreachable) is logged and left for the first request to retry.
/// </summary>
public sealed class StorageWarmUp(PccStore store, ILogger<StorageWarmUp> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await store.EnsureCreatedAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("The tables and containers could not be created at start ({Reason}); the first request tries again.", ex.Message);
        }
    }
}
