using Microsoft.Extensions.Logging;

namespace Pcc.Notifications.Email;

/// <summary>
/// The transport used when none is configured: sends nothing, logs a warning and defers every recipient, so the app
/// still starts and a later run (with a transport) can send.
/// </summary>
public sealed class UnconfiguredEmailTransport : IEmailTransport
{
    private readonly ILogger<UnconfiguredEmailTransport> _logger;

    /// <summary>Creates the transport.</summary>
    public UnconfiguredEmailTransport(ILogger<UnconfiguredEmailTransport> logger) => _logger = logger;

    /// <inheritdoc />
    public Task<IReadOnlyList<DeliveryResult>> SendAsync(EmailBatch batch, CancellationToken cancellationToken = default)
    {
        _logger.LogWarning("No email transport is configured: '{Subject}' to {Count} recipient(s) was not sent", batch.Subject, batch.Recipients.Count);
        IReadOnlyList<DeliveryResult> results = batch.Recipients
            .Select(r => new DeliveryResult(r.To.Address, DeliveryStatus.Deferred, "No email transport is configured."))
            .ToList();
        return Task.FromResult(results);
    }
}
