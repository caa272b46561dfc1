namespace Pcc.Notifications.Email;

/// <summary>What became of one recipient's message.</summary>
public enum DeliveryStatus
{
    /// <summary>The provider accepted it for delivery.</summary>
    Accepted,
    /// <summary>Refused for good (bad request, bad credentials, too large): do not retry as it is.</summary>
    Failed,
    /// <summary>Not sent this time (throttled or the provider was unavailable after retries): a later run may retry.</summary>
    Deferred,
}
