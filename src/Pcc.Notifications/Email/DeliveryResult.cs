namespace Pcc.Notifications.Email;

/// <summary>The outcome for one recipient.</summary>
/// <param name="To">The recipient's address.</param>
/// <param name="Status">Accepted, failed or deferred.</param>
/// <param name="Detail">The provider's message id when accepted; the reason otherwise.</param>
public sealed record DeliveryResult(string To, DeliveryStatus Status, string? Detail = null);
