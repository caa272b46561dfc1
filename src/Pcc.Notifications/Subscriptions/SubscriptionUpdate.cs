namespace Pcc.Notifications.Subscriptions;

/// <summary>What a change through a manage link came to.</summary>
/// <param name="Subscriber">The subscriber as now stored (unchanged when <paramref name="FollowsNothing"/>).</param>
/// <param name="FollowsNothing">The change would have left nothing followed, so it was not made.</param>
public sealed record SubscriptionUpdate(Subscriber Subscriber, bool FollowsNothing);
