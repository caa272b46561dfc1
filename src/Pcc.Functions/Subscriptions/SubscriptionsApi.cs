using Microsoft.AspNetCore.Http.HttpResults;
using Pcc.Functions.Policies;
using Pcc.Functions.Subscriptions.Models;
using Pcc.Notifications.Subscriptions;

namespace Pcc.Functions.Subscriptions;

/// <summary>
/// The anonymous subscriptions API and its pages, under <c>/api/subscriptions</c>: subscribe (double opt-in), confirm,
/// and unsubscribe (a page for people, one-click POST for mail clients, RFC 8058). Each route is one HTTP function;
/// the manage link is <see cref="ManageSubscriptionApi"/>.
/// </summary>
public sealed class SubscriptionsApi(
    SubscriptionService subscriptions, SubscriptionValidator validator, SubscriptionLinks links, IFollowTitles titles, SubscriptionRateLimits limits)
{
    /// <summary>
    /// <c>POST /api/subscriptions {email, themes, briefings, caseStudies, frequency}</c>: sends a confirmation link; 202
    /// whether or not it is sent.
    /// </summary>
    [Function("Subscribe")]
    [RequestPolicy(RequestPolicies.SubscribeLimits)]
    public async Task<Results<Accepted<SubscribeAccepted>, ValidationProblem, ProblemHttpResult>> SubscribeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/subscriptions")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<SubscribeRequest>(request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        var address = validator.Address(body.Email, errors);
        var follows = await validator.FollowsAsync(body.Themes, body.Briefings, body.CaseStudies, errors, requireSome: true, cancellationToken);
        var frequency = validator.Frequency(body.Frequency, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await limits.RecipientDomainAsync(request, address!, cancellationToken) is { } tooManyForDomain)
        {
            return tooManyForDomain;
        }

        await subscriptions.RequestAsync(address!, follows!, frequency!.Value, body.IncludeMinorCorrections ?? false, cancellationToken);
        return TypedResults.Accepted((string?)null, SubscribeAccepted.Instance);
    }

    /// <summary>
    /// <c>/api/subscriptions/confirm?token=…</c>, the confirmation link: GET shows a page with a Confirm button and
    /// changes nothing (mail scanners open every link in an email); POST, the button, confirms.
    /// </summary>
    [Function("ConfirmSubscription")]
    public async Task<IResult> ConfirmAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "api/subscriptions/confirm")] HttpRequest request, CancellationToken cancellationToken)
    {
        string? token = request.Query["token"];
        if (await limits.CheckLinkAsync(request, token, TokenPurpose.Confirm, SubscriptionPages.InvalidLink, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            return await subscriptions.CheckConfirmAsync(token, cancellationToken) is { } pending
                ? pending.Status == SubscriberStatus.Active
                    ? SubscriptionPages.Confirmed(pending, await titles.DescribeAsync(pending.Follows, cancellationToken), await links.ManageUrlAsync(pending, cancellationToken))
                    : SubscriptionPages.ConfirmSubscription(pending, await titles.DescribeAsync(pending.Follows, cancellationToken))
                : SubscriptionPages.InvalidLink();
        }

        return await subscriptions.ConfirmAsync(token, cancellationToken) is { } subscriber
            ? SubscriptionPages.Confirmed(subscriber, await titles.DescribeAsync(subscriber.Follows, cancellationToken), await links.ManageUrlAsync(subscriber, cancellationToken))
            : SubscriptionPages.InvalidLink();
    }

    /// <summary>
    /// <c>/api/subscriptions/unsubscribe?token=…</c>: GET shows a button, POST unsubscribes at once (RFC 8058: mail
    /// clients POST <c>List-Unsubscribe=One-Click</c> as a form; any body is accepted and none is read).
    /// </summary>
    [Function("Unsubscribe")]
    public async Task<IResult> UnsubscribeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "api/subscriptions/unsubscribe")] HttpRequest request, CancellationToken cancellationToken)
    {
        string? token = request.Query["token"];
        if (await limits.CheckLinkAsync(request, token, TokenPurpose.Unsubscribe, SubscriptionPages.InvalidLink, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (HttpMethods.IsPost(request.Method))
        {
            return await subscriptions.UnsubscribeAsync(token, cancellationToken) is { } unsubscribed
                ? SubscriptionPages.Unsubscribed(unsubscribed)
                : SubscriptionPages.InvalidLink();
        }

        return await subscriptions.CheckUnsubscribeAsync(token, cancellationToken) is { } subscriber
            ? SubscriptionPages.ConfirmUnsubscribe(subscriber)
            : SubscriptionPages.InvalidLink();
    }
}
