using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Pcc.Briefings.Themes;
using Pcc.Functions.Hosting;
using Pcc.Functions.Subscriptions.Models;
using Pcc.Notifications.Subscriptions;

namespace Pcc.Functions.Subscriptions;

/// <summary>
/// The anonymous subscriptions API and its pages, under <c>/api/subscriptions</c>: subscribe (double opt-in), confirm,
/// read and change one's settings with a manage link, and unsubscribe (a page for people, one-click POST for mail
/// clients, RFC 8058). Each route is one HTTP function.
/// </summary>
public static class SubscriptionsApi
{
    /// <summary>The subscriptions' HTTP functions.</summary>
    public static IEnumerable<FunctionDefinition> Functions() =>
    [
        FunctionDefinition.Http("Subscribe", "subscriptions", ["POST"], Subscribe),
        FunctionDefinition.Http("ConfirmSubscription", "subscriptions/confirm", ["GET"], Confirm),
        ManageSubscriptionApi.Function(),
        FunctionDefinition.Http("Unsubscribe", "subscriptions/unsubscribe", new Dictionary<string, Delegate> { ["GET"] = UnsubscribePage, ["POST"] = Unsubscribe }),
    ];

    [EnableRateLimiting(SubscriptionRateLimits.Subscribe)]
    private static async Task<Results<Accepted<SubscribeAccepted>, ValidationProblem>> Subscribe(
        SubscribeRequest request, SubscriptionValidator validator, SubscriptionService subscriptions, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var address = validator.Address(request.Email, errors);
        var themes = validator.Themes(request.Themes, errors);
        var frequency = validator.Frequency(request.Frequency, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await subscriptions.RequestAsync(address!, themes!, frequency!.Value, cancellationToken);
        return TypedResults.Accepted((string?)null, SubscribeAccepted.Instance);
    }

    [EnableRateLimiting(SubscriptionRateLimits.Links)]
    private static async Task<HtmlPage> Confirm(
        string? token, SubscriptionService subscriptions, SubscriptionLinks links, ThemeTaxonomy taxonomy, CancellationToken cancellationToken) =>
        await subscriptions.ConfirmAsync(token, cancellationToken) is { } subscriber
            ? SubscriptionPages.Confirmed(subscriber, taxonomy, await links.ManageUrlAsync(subscriber, cancellationToken))
            : SubscriptionPages.InvalidLink();

    [EnableRateLimiting(SubscriptionRateLimits.Links)]
    private static async Task<HtmlPage> UnsubscribePage(string? token, SubscriptionService subscriptions, CancellationToken cancellationToken) =>
        await subscriptions.CheckUnsubscribeAsync(token, cancellationToken) is { } subscriber
            ? SubscriptionPages.ConfirmUnsubscribe(subscriber)
            : SubscriptionPages.InvalidLink();

    // RFC 8058: mail clients POST "List-Unsubscribe=One-Click" as a form; any body is accepted and none is read.
    [EnableRateLimiting(SubscriptionRateLimits.Links)]
    private static async Task<HtmlPage> Unsubscribe(string? token, SubscriptionService subscriptions, CancellationToken cancellationToken) =>
        await subscriptions.UnsubscribeAsync(token, cancellationToken) is { } subscriber
            ? SubscriptionPages.Unsubscribed(subscriber)
            : SubscriptionPages.InvalidLink();
}
