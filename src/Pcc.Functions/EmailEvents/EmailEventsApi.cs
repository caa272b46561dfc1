using Microsoft.AspNetCore.Http.HttpResults;
using Pcc.Notifications.Email.Webhooks;
using Pcc.Notifications.Subscriptions;

namespace Pcc.Functions.EmailEvents;

/// <summary>
/// <c>POST /api/email-events</c>: SendGrid's signed Event Webhook. Bounces, drops, spam reports and unsubscribes make
/// a known address <see cref="SubscriberStatus.Suppressed"/>, so nothing is sent to it again; events about addresses
/// the store does not know are dropped without a trace.
/// </summary>
public sealed class EmailEventsApi(SendGridWebhookVerifier verifier, SubscriberStore subscribers, SubscriberKeys keys, TimeProvider time, ILogger<EmailEventsApi> logger)
{
    /// <summary>The largest post accepted: SendGrid batches events, far below this.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Receives one signed post of events.</summary>
    [Function("EmailEvents")]
    public async Task<Results<NoContent, ProblemHttpResult>> ReceiveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/email-events")] HttpRequest request, CancellationToken cancellationToken)
    {
        // The signature covers the body exactly as sent, so it is read as bytes and never re-serialised. Anyone can
        // post here, so at most one byte more than the limit is ever read: a longer body is refused unread.
        var body = request.ContentLength > MaxBodyBytes ? null : await BoundedBody.ReadAsync(request.Body, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem("The post is too large.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        string? signature = request.Headers[SendGridWebhookVerifier.SignatureHeader], timestamp = request.Headers[SendGridWebhookVerifier.TimestampHeader];
        if (!verifier.Verify(signature, timestamp, body, out var rejection))
        {
            logger.LogWarning("Refused an email event post: {Reason}", rejection);
            var missing = string.IsNullOrWhiteSpace(signature) || string.IsNullOrWhiteSpace(timestamp);
            return TypedResults.Problem(
                missing ? "The post is not signed." : "The post's signature is not valid or not recent.",
                statusCode: missing ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden);
        }

        var result = verifier.Read(signature, timestamp, body);
        if (!result.IsAccepted)
        {
            return TypedResults.Problem(result.Rejection, statusCode: StatusCodes.Status400BadRequest, title: "Unreadable events");
        }

        var now = time.GetUtcNow();
        foreach (var address in result.AddressesToSuppress)
        {
            if (!EmailAddressRule.TryNormalise(address, out var normalised, out _))
            {
                logger.LogWarning("An email event names an address that is not valid; ignored.");
                continue;
            }

            // An address the store does not know stays unknown: nothing is written about it.
            if (await subscribers.SuppressAsync(normalised, now, cancellationToken))
            {
                logger.LogInformation("Suppressed subscriber {KeyedId} after a {Count}-event post.", await keys.ForAddressAsync(normalised, cancellationToken), result.Events.Count);
            }
        }

        return TypedResults.NoContent();
    }
}
