namespace Pcc.Functions.Subscriptions;

/// <summary>Request limits for the subscriptions API, bound from <c>Subscriptions:RateLimits</c>; defaults in code.</summary>
public sealed class SubscriptionRateLimitOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Subscriptions:RateLimits";

    /// <summary>Subscribe requests per client per minute.</summary>
    public int SubscribePerClientPerMinute { get; set; } = 5;

    /// <summary>
    /// Subscribe requests per minute from all clients together: the cap that holds when clients spread their requests
    /// over many addresses.
    /// </summary>
    public int SubscribeAllClientsPerMinute { get; set; } = 100;

    /// <summary>Subscribe requests per minute for addresses at one domain (case-insensitive), so one mail server is not flooded with confirmations.</summary>
    public int SubscribePerRecipientDomainPerMinute { get; set; } = 30;

    /// <summary>Requests per client per minute to the confirm, manage and unsubscribe links whose token does not verify.</summary>
    public int LinksPerClientPerMinute { get; set; } = 30;
}
