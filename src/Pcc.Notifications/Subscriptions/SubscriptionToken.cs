namespace Pcc.Notifications.Subscriptions;

/// <summary>The claims a signed link carries.</summary>
/// <param name="Purpose">What the link is for.</param>
/// <param name="SubscriberId">Whose link it is (see <see cref="SubscriberIds"/>).</param>
/// <param name="Expires">When it stops working (whole seconds).</param>
/// <param name="Generation">The subscriber's token generation when it was issued; unsubscribing starts a new one.</param>
public sealed record SubscriptionToken(TokenPurpose Purpose, string SubscriberId, DateTimeOffset Expires, int Generation);
