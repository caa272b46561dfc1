using Microsoft.AspNetCore.Http.HttpResults;
using Pcc.Notifications.Email.Webhooks;
using Pcc.Notifications.Subscriptions;

namespace Pcc.Functions.EmailEvents;

/// <summary>
/// <c>POST /api/email-events</c>: SendGrid's signed Event Webhook. Bounces, drops, spam reports and unsubscribes make
/// the address <see cref="SubscriberStatus.Suppressed"/>, so nothing is sent to it again.
/// </summary>
public sealed class EmailEventsApi(SendGridWebhookVerifier verifier, SubscriberStore subscribers, TimeProvider time, ILogger<EmailEventsApi> logger)
{
    /// <summary>The largest post accepted: SendGrid batches events, far below this.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Receives one signed post of events.</summary>
    [Function("EmailEvents")]
    public async Task<Results<NoContent, ProblemHttpResult>> ReceiveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "email-events")] HttpRequest request, CancellationToken cancellationToken)
    {
        // The signature covers the body exactly as sent, so it is read as bytes and never re-serialised.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBodyBytes)
        {
            return TypedResults.Problem("The post is too large.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var body = buffer.ToArray();
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

            if (await subscribers.SuppressAsync(normalised, now, cancellationToken))
            {
                logger.LogInformation("Suppressed subscriber {Id} after a {Count}-event post.", SubscriberIds.ForAddress(normalised), result.Events.Count);
            }
        }

        return TypedResults.NoContent();
    }
}
