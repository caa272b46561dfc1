using Microsoft.AspNetCore.Components;
using Pcc.Functions.Pages;
using Pcc.Notifications.Subscriptions;

namespace Pcc.Functions.Subscriptions;

/// <summary>
/// The pages people reach from subscription emails (components in this folder, in the site's layout). Their links
/// carry a token, so every one is a private <see cref="WebPage"/>: no referrer, no caching, not indexed.
/// </summary>
public static class SubscriptionPages
{
    /// <summary>After a confirmation link: what they will receive, and their manage link.</summary>
    public static WebPage Confirmed(Subscriber subscriber, IReadOnlyList<FollowedItem> follows, Uri manageUrl) => Of<SubscribedPage>(new()
    {
        [nameof(SubscribedPage.Subscriber)] = subscriber, [nameof(SubscribedPage.Follows)] = follows, [nameof(SubscribedPage.ManageUrl)] = manageUrl,
    });

    /// <summary>
    /// The confirmation link's page reached with GET: a button that POSTs to the same address. Opening the link changes
    /// nothing, so a mail scanner that follows it cannot confirm someone else's request.
    /// </summary>
    public static WebPage ConfirmSubscription(Subscriber subscriber, IReadOnlyList<FollowedItem> follows) =>
        Of<ConfirmSubscriptionPage>(new() { [nameof(ConfirmSubscriptionPage.Address)] = subscriber.Address, [nameof(ConfirmSubscriptionPage.Follows)] = follows });

    /// <summary>For any link that is not genuine, has expired or has been replaced.</summary>
    public static WebPage InvalidLink() => Of<InvalidLinkPage>() with { Status = StatusCodes.Status400BadRequest };

    /// <summary>The unsubscribe page reached with GET: a button that POSTs to the same address.</summary>
    public static WebPage ConfirmUnsubscribe(Subscriber subscriber) => subscriber.Status is SubscriberStatus.Unsubscribed or SubscriberStatus.Suppressed
        ? Unsubscribed(subscriber)
        : Of<ConfirmUnsubscribePage>(new() { [nameof(ConfirmUnsubscribePage.Address)] = subscriber.Address });

    /// <summary>After unsubscribing.</summary>
    public static WebPage Unsubscribed(Subscriber subscriber) => Of<UnsubscribedPage>();

    /// <summary>The description of a subscription page titled <paramref name="title"/>.</summary>
    public static string Description(string title) => $"{title}: your subscription to the {PageLayout.SiteName}.";

    /// <summary>A subscription page: private.</summary>
    internal static WebPage Of<TComponent>(Dictionary<string, object?>? parameters = null) where TComponent : IComponent =>
        WebPage.Of<TComponent>(parameters, isPrivate: true);
}
